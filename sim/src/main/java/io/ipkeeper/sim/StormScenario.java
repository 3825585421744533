package io.ipkeeper.sim;

import java.time.Duration;

/**
 * Seed 000's storm (incidents §1): on a saturated bus (each node may send 10 packets/s, 8 KB/s, 16 queued), 30% of
 * the nodes restart within 10 s (each down 10-30 s, long enough to be declared dead) while 5% crash for good, and 5% of
 * the packets sent during the boot and during the storm (and 20 s after it) are replayed once, at random times from the
 * storm's start to 120 s (stale broadcasts: among them alives of nodes that are dead by then). With {@code --legacy} the 2014 dead-node removal lets replays resurrect dead nodes.
 */
final class StormScenario implements Scenario {
    static final double STORM_AT = 40;
    static final double STORM_SECONDS = 10;
    static final double RESTART_FRACTION = 0.30;
    static final double CRASH_FRACTION = 0.05;
    static final double REPLAY_FRACTION = 0.05;
    static final double REPLAY_UNTIL = 120;

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public String description() {
        return "seed 000: 30% restart within 10 s while 5% crash, send budget capped, stale packets replayed";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(300);
    }

    @Override
    public SendBudget budget() {
        return new SendBudget(10, 8 * 1024, 16);
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(10);
        int n = sim.nodeCount();
        int restarts = (int) Math.round(n * RESTART_FRACTION);
        int crashes = Math.max(1, (int) Math.round(n * CRASH_FRACTION));
        // Node 0 stays up: the others' seeds must not all be gone (real agents are configured with several).
        int[] victims = sim.random().ints(1, n).distinct().limit(restarts + crashes).toArray();
        for (int i = 0; i < victims.length; i++) {
            int v = victims[i];
            double at = STORM_AT + sim.random().nextDouble() * STORM_SECONDS;
            if (i < restarts) {
                double down = 10 + sim.random().nextDouble() * 20;
                sim.at(at, () -> sim.restart(v, down));
            } else {
                sim.at(at, () -> sim.crash(v));
            }
        }
        sim.replayStale(new double[] {0, 20, STORM_AT, STORM_AT + STORM_SECONDS + 20}, REPLAY_FRACTION, STORM_AT,
                REPLAY_UNTIL);
    }
}
