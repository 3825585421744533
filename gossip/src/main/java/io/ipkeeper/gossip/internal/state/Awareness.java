package io.ipkeeper.gossip.internal.state;

import java.time.Duration;

/**
 * Lifeguard local health ("awareness", memberlist {@code awareness.go}): a score in {@code [0, max − 1]}; 0 is
 * healthy. Failed probes and refutations raise it, successful probes lower it; probe interval and probe deadline are
 * multiplied by {@code score + 1} so an unhealthy node slows down instead of accusing others.
 */
public final class Awareness {
    private final int max;
    private int score;

    /** @param max {@code AwarenessMaxMultiplier}, at least 1 (1 disables the scaling) */
    public Awareness(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("awarenessMaxMultiplier (" + max + ") must be at least 1");
        }
        this.max = max;
    }

    /** Adds {@code delta} (may be negative) and clamps the score to {@code [0, max − 1]}. */
    public void applyDelta(int delta) {
        long s = (long) score + delta;
        score = (int) Math.max(0, Math.min(max - 1L, s));
    }

    /** The current score ({@code GetHealthScore}). */
    public int score() {
        return score;
    }

    /** {@code d × (score + 1)}. */
    public Duration scale(Duration d) {
        return d.multipliedBy(score + 1L);
    }

    /** {@code nanos × (score + 1)}. */
    public long scaleNanos(long nanos) {
        return nanos * (score + 1L);
    }
}
