package io.ipkeeper.cli.client;

/** A client command failed in a way the user can act on: one line for stderr and the documented exit code. */
public final class ClientException extends RuntimeException {
    private final int exitCode;

    public ClientException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ClientException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Invalid input found before any request was sent (exit 2). */
    public static ClientException invalid(String message) {
        return new ClientException(ExitCodes.INVALID, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
