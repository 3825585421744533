package io.ipkeeper.sim;

import io.ipkeeper.gossip.GossipConfig;
import java.time.Duration;

/**
 * One node in 100 starved of CPU (paused 2.5 s every 5 s from 30 s on): false positives with Lifeguard (the default)
 * against plain SWIM, approximated by turning off what the config can turn off: local health awareness
 * ({@code awarenessMaxMultiplier = 1}) and shrinking suspicion timeouts ({@code suspicionMaxTimeoutMult = 1}). The
 * buddy system (suspect piggy-backed on pings) has no switch and stays on in both.
 */
final class SlowNodeScenario implements Scenario {
    static final long PAUSE_MILLIS = 2500;
    static final long EVERY_MILLIS = 5000;

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
        return lifeguard ? "1 node in 100 paused 2.5 s every 5 s, Lifeguard on: false positives"
                : "the same with Lifeguard off (plain SWIM timeouts): false positives";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(300);
    }

    @Override
    public GossipConfig.Builder gossipConfig() {
        GossipConfig.Builder b = GossipConfig.lan();
        return lifeguard ? b : b.awarenessMaxMultiplier(1).suspicionMaxTimeoutMult(1);
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(10);
        int slow = Math.max(1, sim.nodeCount() / 100);
        int[] victims = sim.random().ints(1, sim.nodeCount()).distinct().limit(slow).toArray();
        sim.at(30, () -> {
            for (int v : victims) {
                sim.slow(v, PAUSE_MILLIS, EVERY_MILLIS);
            }
        });
    }
}
