package io.ipkeeper.ipam;

/**
 * The id of the request a change is made for (the HTTP {@code X-Request-Id}), recorded with each audit event. The
 * server binds it around a request's handler; the allocator captures it on the calling thread, because a batch of
 * several requests' allocations is written by whichever thread leads the batch.
 */
public final class RequestId {
    /** Bound by the caller for the duration of one request; unbound for changes outside a request. */
    public static final ScopedValue<String> CURRENT = ScopedValue.newInstance();

    private RequestId() {}

    /** The bound request id, or null. */
    public static String current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }
}
