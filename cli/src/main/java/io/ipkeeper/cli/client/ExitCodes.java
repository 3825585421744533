package io.ipkeeper.cli.client;

/**
 * The exit codes of the client commands. Scripts rely on them, so they are part of the interface: documented in
 * {@code docs/cli.md} and in every client command's {@code --help} footer, and each is tested.
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** Anything else: a 5xx answer, a response that is not the API's, a bug. */
    public static final int UNEXPECTED = 1;
    /** A mistyped command line or input the server rejected as invalid (400, 413, 422). */
    public static final int INVALID = 2;
    /** No token, or a token that is unknown, revoked, expired (401) or not allowed to do this (403). */
    public static final int NOT_AUTHORIZED = 3;
    /** No such object (404). */
    public static final int NOT_FOUND = 4;
    /** A state conflict (409: not enough free addresses, address taken, overlap, not empty) or a lost update (412). */
    public static final int CONFLICT = 5;
    /** The server could not be reached (connection refused, unknown host, timeout, TLS failure). */
    public static final int UNREACHABLE = 6;

    /** The {@code --help} footer of every client command. */
    public static final String FOOTER = "%nExit codes: 0 ok; 1 unexpected error; 2 invalid usage or input (HTTP"
            + " 400/422); 3 not authenticated or forbidden (401/403); 4 not found (404); 5 conflict or exhausted pool"
            + " (409/412); 6 server unreachable.%nServer and token: flag > environment > --config file > 'ipkeeper"
            + " login'.";

    /** The exit code for an HTTP error status. */
    public static int forStatus(int status) {
        return switch (status) {
            case 400, 413, 422 -> INVALID;
            case 401, 403 -> NOT_AUTHORIZED;
            case 404 -> NOT_FOUND;
            case 409, 412 -> CONFLICT;
            default -> UNEXPECTED;
        };
    }
}
