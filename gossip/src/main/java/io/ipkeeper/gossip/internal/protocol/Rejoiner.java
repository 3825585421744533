package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.internal.state.NodeSnapshot;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic re-join after a partition (not in memberlist, which never re-joins by itself; like Serf's reconnect):
 * every {@code rejoinInterval} (jittered ±25 % so healed groups do not retry in step) try a join push/pull with at most
 * one target, and only if we see fewer members than we should. Candidates: the seeds we joined through whose address is
 * not an alive or suspect member in our table, and members dead (failed, not left) for less than
 * {@code gossipToTheDeadTime}. One attempt per interval at most, never while one is running, none after we left: a
 * healed partition must not turn into a join storm.
 */
final class Rejoiner {
    private static final Logger log = LoggerFactory.getLogger(Rejoiner.class);

    private final ProtocolNode node;
    private final Set<InetSocketAddress> seeds = new LinkedHashSet<>();
    private Scheduler.Cancellable timer;
    private boolean attemptRunning;
    private long attempts;

    Rejoiner(ProtocolNode node) {
        this.node = node;
    }

    void addSeeds(Collection<InetSocketAddress> more) {
        for (InetSocketAddress a : more) {
            if (!a.equals(node.advertise())) {
                seeds.add(a);
            }
        }
    }

    void start() {
        schedule();
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    long attempts() {
        return attempts;
    }

    private void schedule() {
        long base = node.config.rejoinInterval().toNanos();
        long jittered = base - base / 4 + node.random.nextLong(Math.max(1, base / 2));
        timer = node.scheduler.schedule(Duration.ofNanos(jittered), this::onTick);
    }

    private void onTick() {
        schedule();
        if (attemptRunning || node.membership.hasLeft()) {
            return;
        }
        List<InetSocketAddress> candidates = candidates();
        if (candidates.isEmpty()) {
            return;
        }
        InetSocketAddress target = candidates.get(node.random.nextInt(candidates.size()));
        attemptRunning = true;
        attempts++;
        log.debug("{}: re-join attempt through {}", node.localName(), target);
        node.pushPull.exchange(target, true).whenComplete((ok, error) -> {
            attemptRunning = false;
            node.metrics.rejoinAttempted(error == null);
            if (error == null) {
                log.info("{}: re-joined the cluster through {}", node.localName(), target);
            }
        });
    }

    /** Seeds not seen alive, and recently failed members, by address. */
    List<InetSocketAddress> candidates() {
        long now = node.now();
        long toTheDead = node.config.gossipToTheDeadTime().toNanos();
        Map<InetSocketAddress, NodeStatus> byAddress = new HashMap<>();
        Set<InetSocketAddress> out = new LinkedHashSet<>();
        for (NodeSnapshot s : node.membership.members()) {
            if (s.name().equals(node.localName())) {
                continue;
            }
            InetSocketAddress a = Members.socketAddress(s.addr(), s.port());
            if (a == null) {
                continue;
            }
            byAddress.merge(a, s.status(), (x, y) -> ProtocolNode.aliveOrSuspect(x) ? x : y);
            if (s.status() == NodeStatus.DEAD && now - s.stateChangeNanos() < toTheDead) {
                out.add(a);
            }
        }
        for (InetSocketAddress seed : seeds) {
            NodeStatus known = byAddress.get(seed);
            // A seed that left on purpose is not "missing".
            if (known == null || known == NodeStatus.DEAD) {
                out.add(seed);
            }
        }
        return new ArrayList<>(out);
    }
}
