package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.internal.state.NodeSnapshot;
import java.time.Duration;

/**
 * memberlist's probe loop (spec §4.1-4.2): every {@code probeInterval} (first tick after a random stagger) the next
 * node in the randomized round-robin order ({@code Membership.nextProbeTarget}, which also reaps on wrap-around) is
 * probed by a {@link ProbeRound}. A round lasts up to {@code probeInterval × (health + 1)}; ticks that fall inside a
 * running round are skipped, as Go's ticker drops them, so an unhealthy node also probes less often.
 */
final class Prober {
    private final ProtocolNode node;
    private Scheduler.Cancellable tick;
    private ProbeRound current;

    Prober(ProtocolNode node) {
        this.node = node;
    }

    void start() {
        long interval = node.config.probeInterval().toNanos();
        schedule(Duration.ofNanos(node.random.nextLong(interval)));
    }

    void stop() {
        if (tick != null) {
            tick.cancel();
        }
    }

    private void schedule(Duration delay) {
        tick = node.scheduler.schedule(delay, this::onTick);
    }

    private void onTick() {
        schedule(node.config.probeInterval());
        if (current != null && !current.finished()) {
            return;
        }
        NodeSnapshot target = node.membership.nextProbeTarget(node.now());
        if (target == null) {
            return;
        }
        current = new ProbeRound(node, target);
        current.start();
    }
}
