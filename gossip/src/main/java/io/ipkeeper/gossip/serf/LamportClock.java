package io.ipkeeper.gossip.serf;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Serf's Lamport clock ({@code serf/lamport.go}). Times are uint64 on the wire; they never get near 2^63 in practice,
 * and comparisons here use {@link Long#compareUnsigned} anyway so a hostile peer cannot wrap them negative.
 */
final class LamportClock {
    private final AtomicLong counter = new AtomicLong();

    /** The current time. */
    long time() {
        return counter.get();
    }

    /** Moves the clock one tick forward and returns the new time. */
    long increment() {
        return counter.incrementAndGet();
    }

    /** Receiving time {@code t} moves the clock to at least {@code t + 1}, as Serf's {@code Witness}. */
    void witness(long t) {
        counter.getAndUpdate(cur -> Long.compareUnsigned(t, cur) < 0 ? cur : t + 1);
    }
}
