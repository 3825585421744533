package io.ipkeeper.agent.arp;

import java.time.Duration;

/**
 * When an {@link ArpProber} sends and how long it listens. RFC 5227 §1.1: wait 0..PROBE_WAIT, send PROBE_NUM probes
 * PROBE_MIN..PROBE_MAX apart, then listen ANNOUNCE_WAIT after the last one (4–7 s in all). Agents probing on behalf
 * of an allocator may use shorter, scaled timers as n-acd does; tests use tiny ones.
 */
public record ProbeTiming(Duration probeWait, int probeNum, Duration probeMin, Duration probeMax, Duration listenAfterLast) {

    public ProbeTiming {
        if (probeNum < 1) {
            throw new IllegalArgumentException("probeNum must be at least 1, not " + probeNum);
        }
        if (probeWait.isNegative() || probeMin.isNegative() || listenAfterLast.isNegative()) {
            throw new IllegalArgumentException("probe durations must not be negative");
        }
        if (probeMax.compareTo(probeMin) < 0) {
            throw new IllegalArgumentException("probeMax " + probeMax + " is less than probeMin " + probeMin);
        }
    }

    /** The RFC 5227 constants: PROBE_WAIT 1 s, PROBE_NUM 3, PROBE_MIN 1 s, PROBE_MAX 2 s, ANNOUNCE_WAIT 2 s. */
    public static ProbeTiming rfc5227() {
        return new ProbeTiming(Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** Scaled down for probe-before-allocate: 3 probes, about 0.6–1 s in all. */
    public static ProbeTiming fast() {
        return new ProbeTiming(Duration.ofMillis(100), 3, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }
}
