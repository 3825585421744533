package io.ipkeeper.ipam.error;

/** Fewer free addresses (or prefixes) than requested; nothing was allocated (requests are all-or-none). */
public final class PoolExhausted extends IpamException {
    private final long requested;
    private final long available;

    public PoolExhausted(String pool, long requested, long available) {
        super(pool + " has " + available + " free address" + (available == 1 ? "" : "es") + " available to this caller but "
                + requested + " were requested; nothing was allocated");
        this.requested = requested;
        this.available = available;
    }

    public PoolExhausted(String message, long requested, long available, boolean raw) {
        super(message);
        this.requested = requested;
        this.available = available;
    }

    public long requested() {
        return requested;
    }

    /** Free addresses (or child prefixes) that could have been handed to this caller; saturates at Long.MAX_VALUE. */
    public long available() {
        return available;
    }

    @Override
    public String code() {
        return "pool_exhausted";
    }
}
