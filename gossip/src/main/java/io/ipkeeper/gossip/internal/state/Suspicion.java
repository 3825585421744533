package io.ipkeeper.gossip.internal.state;

import java.util.HashSet;
import java.util.Set;

/**
 * One suspicion timer (memberlist {@code suspicion.go}, Lifeguard "dogpile"): it starts at {@code max} (at {@code min}
 * when no confirmations are expected, {@code k < 1}) and shrinks towards {@code min} as up to {@code k} distinct other
 * nodes confirm the suspicion. The original accuser never counts, and each accuser counts once.
 *
 * <p>Pure: the owner arms a real timer at {@link #deadlineNanos()} and re-arms it after each {@link #confirm} that
 * returns true. A deadline at or before "now" means the node must be declared dead at once.
 */
public final class Suspicion {
    private final long startNanos;
    private final int k;
    private final long minNanos;
    private final long maxNanos;
    private final Set<String> accusers = new HashSet<>(4);
    private int confirmations;
    private long deadlineNanos;

    public Suspicion(String accuser, int k, long minNanos, long maxNanos, long startNanos) {
        if (minNanos < 0 || maxNanos < minNanos) {
            throw new IllegalArgumentException("suspicion timeouts must satisfy 0 <= min (" + minNanos + ") <= max ("
                    + maxNanos + ")");
        }
        this.startNanos = startNanos;
        this.k = k;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.accusers.add(accuser);
        this.deadlineNanos = startNanos + (k < 1 ? minNanos : maxNanos);
    }

    /**
     * Counts {@code from} as an independent confirmation if it is new and fewer than {@code k} have been counted.
     *
     * @return true if it was counted (the deadline moved and the suspicion should be re-gossiped)
     */
    public boolean confirm(String from) {
        if (confirmations >= k || !accusers.add(from)) {
            return false;
        }
        confirmations++;
        deadlineNanos = startNanos + GossipMath.dogpileTimeoutNanos(confirmations, k, minNanos, maxNanos);
        return true;
    }

    public long startNanos() {
        return startNanos;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Time left until the node is declared dead; zero or negative means now. */
    public long remainingNanos(long nowNanos) {
        return deadlineNanos - nowNanos;
    }

    public int confirmations() {
        return confirmations;
    }

    public int wantedConfirmations() {
        return k;
    }
}
