package io.ipkeeper.ipam.db;

/** The database cannot be used; the message says what to fix. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
