package io.ipkeeper.server;

/** The server could not start; the message says why and what to change. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
