package io.ipkeeper.agent.report;

import java.time.Duration;
import java.util.Objects;

/**
 * How the agent reports.
 *
 * @param heartbeat the longest time between two reports; the server calls an agent dead after three missed ones
 * @param minGap the shortest time between two reports, so a flood of ARP costs the server one report per gap
 * @param maxBackoff the longest wait between retries while the server is unreachable
 * @param maxPending observations kept while the server is unreachable; beyond this the oldest are dropped (counted)
 * @param hostname the host's name, shown in {@code GET /api/v1/agents}
 * @param version the agent's version
 * @param space the address space the host is in (id or name); null lets the server pick its only space
 */
public record ReporterConfig(Duration heartbeat, Duration minGap, Duration maxBackoff, int maxPending, String hostname,
                             String version, String space) {
    /** The server takes at most this many observations in one report. */
    public static final int MAX_PER_REPORT = 5000;

    public ReporterConfig {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (heartbeat.toMillis() < 1000 || heartbeat.toSeconds() > 3600) {
            throw new IllegalArgumentException("the report interval must be 1 s..1 h, not " + heartbeat);
        }
        if (minGap.isNegative() || minGap.compareTo(heartbeat) > 0) {
            throw new IllegalArgumentException("the minimum gap between reports must be 0.." + heartbeat + ", not " + minGap);
        }
        if (maxBackoff.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("the longest retry wait must be at least 100 ms, not " + maxBackoff);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, not " + maxPending);
        }
    }

    /** Every 10 s, at most every 500 ms, retries up to 30 s apart, 50,000 observations kept while offline. */
    public static ReporterConfig defaults(String hostname, String version, String space) {
        return new ReporterConfig(Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30), 50_000,
                hostname, version, space);
    }
}
