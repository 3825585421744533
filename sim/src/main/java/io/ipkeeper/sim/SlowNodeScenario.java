package io.ipkeeper.sim;

import java.time.Duration;

/**
 * One node in 100 starved: its reading stalls for 20 s every 30 s from 30 s on, while its timers run, so its probes of
 * healthy members time out and it accuses them; it reads their refutations only when the stall ends. False positives
 * about healthy members with Lifeguard (production) against plain SWIM ({@code SimulationOptions.lifeguard}, see
 * {@link #lifeguard()}). Parameters fixed before any result was looked at (docs/simulation.md).
 */
final class SlowNodeScenario implements Scenario {
    static final long STALL_MILLIS = 20_000;
    static final long EVERY_MILLIS = 30_000;
    static final double FROM_SECONDS = 30;

    private final boolean lifeguard;

    SlowNodeScenario(boolean lifeguard) {
        this.lifeguard = lifeguard;
    }

    @Override
    public String name() {
        return lifeguard ? "slow-node" : "slow-node-swim";
    }

    @Override
    public String description() {
        return lifeguard ? "1 node in 100 reads nothing for 20 s every 30 s, Lifeguard on: false positives"
                : "the same with Lifeguard off (plain SWIM): false positives";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(300);
    }

    @Override
    public boolean lifeguard() {
        return lifeguard;
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(10);
        int slow = Math.max(1, sim.nodeCount() / 100);
        int[] victims = sim.random().ints(1, sim.nodeCount()).distinct().limit(slow).toArray();
        sim.at(FROM_SECONDS, () -> {
            for (int v : victims) {
                sim.starve(v, STALL_MILLIS, EVERY_MILLIS);
            }
        });
    }
}
