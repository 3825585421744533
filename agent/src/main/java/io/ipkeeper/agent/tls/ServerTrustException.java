package io.ipkeeper.agent.tls;

/** The CA file cannot be used; the message names the file and what is wrong with it. */
public final class ServerTrustException extends RuntimeException {
    public ServerTrustException(String message, Throwable cause) {
        super(message, cause);
    }
}
