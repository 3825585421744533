package io.ipkeeper.agent.arp;

import java.time.Duration;

/**
 * How {@link ArpWatch} batches and limits.
 *
 * @param flushInterval deliver what was heard at least this often (when anything was heard)
 * @param maxBatch deliver as soon as this many distinct (interface, address, MAC) observations are pending; this also
 *     bounds the watch's memory
 * @param maxFramesPerSecond frames beyond this rate (a token bucket with one second of burst) are dropped and counted,
 *     so an ARP flood costs bounded CPU and never more than one batch of memory
 */
public record ArpWatchConfig(Duration flushInterval, int maxBatch, int maxFramesPerSecond) {

    public ArpWatchConfig {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive, not " + flushInterval);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        if (maxFramesPerSecond < 1) {
            throw new IllegalArgumentException("maxFramesPerSecond must be at least 1, not " + maxFramesPerSecond);
        }
    }

    /** One second, 1000 observations, 5000 frames/s: a busy /22 stays well under that. */
    public static ArpWatchConfig defaults() {
        return new ArpWatchConfig(Duration.ofSeconds(1), 1000, 5000);
    }
}
