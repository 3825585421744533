package io.ipkeeper.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run is: scenario, cluster size, seed, simulated duration, and whether the 2014 legacy dead-node removal is
 * on. Same settings, same run.
 */
public record RunSettings(String scenario, int nodes, long seed, Duration duration, boolean legacy) {
    public RunSettings {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(duration, "duration");
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes (" + nodes + ") must be at least 2");
        }
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("duration must be at least 1s");
        }
    }
}
