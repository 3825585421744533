package io.ipkeeper.server.conflicts;

/** A resolved conflict was to be acknowledged: nothing is left to acknowledge (the API answers 409). */
public final class ConflictResolvedException extends RuntimeException {
    public ConflictResolvedException(String message) {
        super(message);
    }
}
