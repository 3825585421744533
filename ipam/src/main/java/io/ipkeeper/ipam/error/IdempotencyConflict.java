package io.ipkeeper.ipam.error;

/** The idempotency key was already used by this principal with a different request body. */
public final class IdempotencyConflict extends IpamException {
    public IdempotencyConflict(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "idempotency_conflict";
    }
}
