package io.ipkeeper.server.auth;

/** The request carried a credential that is not valid (unknown, expired, revoked, malformed); the message says which. */
public final class AuthenticationFailed extends RuntimeException {
    public AuthenticationFailed(String message) {
        super(message);
    }
}
