package io.ipkeeper.sim;

import java.time.Duration;

/** Boot over 10 s, then at 40 s crash 1% of the nodes (at least one) at once: detection and dissemination times. */
final class CrashScenario implements Scenario {
    static final double CRASH_AT = 40;
    static final double CRASH_FRACTION = 0.01;

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public String description() {
        return "kill 1% of the nodes at 40 s: time to first detection and to 99.9% dissemination";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(180);
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(10);
        int k = Math.max(1, (int) Math.round(sim.nodeCount() * CRASH_FRACTION));
        int[] victims = sim.random().ints(1, sim.nodeCount()).distinct().limit(k).toArray();
        sim.at(CRASH_AT, () -> {
            for (int v : victims) {
                sim.crash(v);
            }
        });
    }
}
