package io.ipkeeper.sim;

import io.ipkeeper.gossip.AntiEntropy;
import java.time.Duration;
import java.util.Objects;

/**
 * What one run is: scenario, cluster size, seed, simulated duration, whether the 2014 legacy dead-node removal is on,
 * and which anti-entropy the nodes use. Same settings, same run.
 */
public record RunSettings(String scenario, int nodes, long seed, Duration duration, boolean legacy,
        AntiEntropy antiEntropy) {
    public RunSettings {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(antiEntropy, "antiEntropy");
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes (" + nodes + ") must be at least 2");
        }
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("duration must be at least 1s");
        }
    }

    /** memberlist's push/pull (the compatible default). */
    public RunSettings(String scenario, int nodes, long seed, Duration duration, boolean legacy) {
        this(scenario, nodes, seed, duration, legacy, AntiEntropy.MEMBERLIST);
    }

    public RunSettings withSeed(long newSeed) {
        return new RunSettings(scenario, nodes, newSeed, duration, legacy, antiEntropy);
    }

    public RunSettings withLegacy(boolean newLegacy) {
        return new RunSettings(scenario, nodes, seed, duration, newLegacy, antiEntropy);
    }
}
