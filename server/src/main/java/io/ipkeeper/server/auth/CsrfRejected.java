package io.ipkeeper.server.auth;

/**
 * A change request authenticated by a session cookie lacks the session's {@code X-CSRF-Token}: the credential is
 * valid, so this is 403, not 401.
 */
public final class CsrfRejected extends RuntimeException {
    public CsrfRejected(String message) {
        super(message);
    }
}
