package io.ipkeeper.sim;

import java.time.Duration;

/** Boot over 10 s, split 50/50 (even / odd nodes) at 30 s for 2 minutes, heal: time until converged, no operator. */
final class PartitionScenario implements Scenario {
    static final double CUT_AT = 30;
    static final double HEAL_AT = 150;

    @Override
    public String name() {
        return "partition";
    }

    @Override
    public String description() {
        return "split 50/50 at 30 s for 2 minutes, heal: time until converged without operator action";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(300);
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(10);
        int[] side = new int[sim.nodeCount()];
        for (int i = 0; i < side.length; i++) {
            side[i] = i % 2;
        }
        sim.at(CUT_AT, () -> sim.partition(side));
        sim.at(HEAL_AT, sim::heal);
    }
}
