package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.internal.state.NodeState;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import io.ipkeeper.gossip.internal.wire.Message;
import java.time.Duration;
import java.util.List;

/**
 * memberlist's gossip loop (spec §4.6): every {@code gossipInterval}, up to {@code gossipNodes} random nodes that are
 * alive, suspect, or dead for less than {@code gossipToTheDeadTime} (so they hear it and can refute; never left ones)
 * each get a packet of queued broadcasts. Each drain uses up transmits, so targets get different messages; when the
 * queue is empty the round stops.
 */
final class Gossiper {
    private final ProtocolNode node;
    private Scheduler.Cancellable timer;

    Gossiper(ProtocolNode node) {
        this.node = node;
    }

    void start() {
        if (node.config.gossipNodes() == 0) {
            return;
        }
        long interval = node.config.gossipInterval().toNanos();
        timer = node.scheduler.schedule(Duration.ofNanos(node.random.nextLong(interval)), this::onTick);
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void onTick() {
        timer = node.scheduler.schedule(node.config.gossipInterval(), this::onTick);
        gossip();
    }

    void gossip() {
        long now = node.now();
        long toTheDead = node.config.gossipToTheDeadTime().toNanos();
        List<NodeState> targets = node.membership.table().randomNodes(node.config.gossipNodes(), s -> {
            if (s.name().equals(node.localName())) {
                return false;
            }
            return switch (s.status()) {
                case ALIVE, SUSPECT -> true;
                case DEAD -> now - s.stateChangeNanos() <= toTheDead;
                case LEFT -> false;
            };
        });
        for (NodeState target : targets) {
            List<Message> messages = node.broadcasts.drain(Broadcasts.COMPOUND_OVERHEAD, node.messenger.gossipSpace());
            if (messages.isEmpty()) {
                return;
            }
            node.messenger.sendParts(Members.socketAddress(target.addr(), target.port()), messages,
                    Members.protocolMax(target.vsn()) >= 5);
        }
    }

}
