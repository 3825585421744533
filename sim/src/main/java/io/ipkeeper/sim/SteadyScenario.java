package io.ipkeeper.sim;

import java.time.Duration;

/**
 * No faults: the cluster boots over 10 s, then one random node changes its meta data every 10 s (from 20 s to 70 s before the end, at most 11 times), whose
 * spread is the calm dissemination time. Measures bandwidth per node; false positives must be 0.
 */
final class SteadyScenario implements Scenario {
    static final double BOOT_SECONDS = 10;

    @Override
    public String name() {
        return "steady";
    }

    @Override
    public String description() {
        return "no faults: bandwidth per node, calm dissemination time, false positives (must be 0)";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(120);
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(BOOT_SECONDS);
        long end = sim.settings.duration().toSeconds();
        // Updates stop 70 s before the end: each changes an incarnation, and converged needs 2 quiet push/pull
        // intervals (60 s) at the end of the run.
        for (long t = 20; t <= Math.min(end - 70, 120); t += 10) {
            sim.at(t, () -> sim.bumpMeta(sim.random().nextInt(sim.nodeCount())));
        }
    }
}
