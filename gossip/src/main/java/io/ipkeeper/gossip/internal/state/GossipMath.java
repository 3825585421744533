package io.ipkeeper.gossip.internal.state;

import java.time.Duration;

/** memberlist's {@code util.go} formulas (spec §4.5, §4.7, §4.8), in nanoseconds where time is involved. */
public final class GossipMath {
    /** Push/pull is not slowed down until the cluster has more than this many nodes. */
    public static final int PUSH_PULL_SCALE_THRESHOLD = 32;

    private GossipMath() {}

    /**
     * Minimum suspicion timeout: {@code suspicionMult × max(1, log10(max(1, n))) × probeInterval}, with the node scale
     * truncated to millis (×1000, as memberlist does because Go durations are integers). LAN, n ≤ 10: 4 s; n = 100: 8 s;
     * n = 1000: 12 s.
     */
    public static long suspicionTimeoutNanos(int suspicionMult, int n, long probeIntervalNanos) {
        double nodeScale = Math.max(1.0, Math.log10(Math.max(1.0, n)));
        long scaleMillis = (long) (nodeScale * 1000);
        return suspicionMult * scaleMillis * probeIntervalNanos / 1000;
    }

    /** Retransmissions per broadcast: {@code retransmitMult × ceil(log10(n + 1))}. LAN: n 1–9 → 4, 10–99 → 8. */
    public static int retransmitLimit(int retransmitMult, int n) {
        int nodeScale = (int) Math.ceil(Math.log10(n + 1.0));
        return retransmitMult * nodeScale;
    }

    /**
     * Push/pull interval for a cluster of {@code n}: as configured up to 32 nodes, then
     * {@code interval × (ceil(log2(n) − log2(32)) + 1)} (LAN 30 s: 33–64 → 60 s, 65–128 → 90 s).
     */
    public static Duration pushPullScale(Duration interval, int n) {
        if (n <= PUSH_PULL_SCALE_THRESHOLD) {
            return interval;
        }
        double multiplier = Math.ceil(log2(n) - log2(PUSH_PULL_SCALE_THRESHOLD)) + 1.0;
        return interval.multipliedBy((long) multiplier);
    }

    /**
     * Lifeguard dogpile: the suspicion timeout after {@code confirmations} of {@code k} wanted independent
     * confirmations, {@code max(min, max − (max − min) × ln(c + 1) / ln(k + 1))}, floored to whole milliseconds.
     * With {@code k < 1} no confirmations are expected and the timeout is {@code min}.
     */
    public static long dogpileTimeoutNanos(int confirmations, int k, long minNanos, long maxNanos) {
        if (k < 1) {
            return minNanos;
        }
        double frac = Math.log(confirmations + 1.0) / Math.log(k + 1.0);
        double rawSeconds = maxNanos / 1e9 - frac * ((maxNanos - minNanos) / 1e9);
        long timeout = (long) Math.floor(1000.0 * rawSeconds) * 1_000_000L;
        return Math.max(timeout, minNanos);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
