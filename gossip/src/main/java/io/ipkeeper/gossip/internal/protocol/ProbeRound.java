package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.internal.state.NodeSnapshot;
import io.ipkeeper.gossip.internal.state.NodeState;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.IndirectPing;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.Suspect;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One probe of one node (memberlist {@code probeNode}, spec §4.2), as a small state machine on the protocol thread:
 *
 * <ol>
 *   <li>UDP ping under a new sequence number, with piggy-backed broadcasts; to a <i>suspect</i> node a
 *       {@code compound[ping, suspect]} instead (Lifeguard buddy system: it learns it is suspected and can refute);
 *   <li>no ack within {@code probeTimeout}: indirect pings through {@code indirectChecks} random alive members (asking
 *       for nacks when their PMax ≥ 4) and, in parallel, a TCP ping when the target's PMax ≥ 3;
 *   <li>the ack handler expires at {@code probeInterval × (health + 1)}: success if the TCP ping got through,
 *       otherwise the target is suspected.
 * </ol>
 * Lifeguard awareness: −1 after any success; after a failure + (nacks expected − nacks received), or +1 if no helper
 * could send nacks. With {@link SimulationOptions#lifeguard} off (simulator baseline) neither the buddy suspect nor
 * nack requests are sent.
 */
final class ProbeRound implements AckTracker.Handler {
    private static final Logger log = LoggerFactory.getLogger(ProbeRound.class);

    private final ProtocolNode node;
    private final NodeSnapshot target;
    private final InetSocketAddress targetAddress;
    private final long seqNo;
    private final long probeIntervalNanos;
    private long sentNanos;
    private int expectedNacks;
    private int nacks;
    private boolean acked;
    private boolean timedOut;
    /** null: no TCP ping running or none sent; else its outcome once known. */
    private Boolean tcpContact;
    private boolean tcpPending;
    private boolean finished;

    ProbeRound(ProtocolNode node, NodeSnapshot target) {
        this.node = node;
        this.target = target;
        this.targetAddress = Members.socketAddress(target.addr(), target.port());
        this.seqNo = node.acks.nextSeqNo();
        this.probeIntervalNanos = node.awareness.scaleNanos(node.config.probeInterval().toNanos());
    }

    boolean finished() {
        return finished;
    }

    void start() {
        sentNanos = node.now();
        node.acks.expect(seqNo, Duration.ofNanos(probeIntervalNanos), this);
        Ping ping = new Ping(seqNo, target.name(), node.advertiseAddrBytes(), node.advertise().getPort(),
                node.localName());
        boolean crc = Members.protocolMax(target.vsn()) >= 5;
        if (target.status() == NodeStatus.SUSPECT && node.lifeguard) {
            node.messenger.sendParts(targetAddress,
                    List.of(ping, new Suspect(target.incarnation(), target.name(), node.localName())), crc);
        } else {
            node.messenger.send(targetAddress, ping, crc);
        }
        node.metrics.probeSent();
        node.scheduler.schedule(node.config.probeTimeout(), this::indirect);
    }

    @Override
    public void onAck(Ack ack, long receivedNanos) {
        acked = true;
        if (!finished) {
            succeed();
        }
    }

    @Override
    public void onNack() {
        nacks++;
    }

    @Override
    public void onTimeout() {
        timedOut = true;
        if (!tcpPending) {
            conclude();
        }
    }

    /** Step 2: the direct ack did not come within {@code probeTimeout}. */
    private void indirect() {
        if (finished || acked) {
            return;
        }
        List<NodeState> helpers = node.membership.table().randomNodes(node.config.indirectChecks(),
                s -> s.status() == NodeStatus.ALIVE && !s.name().equals(node.localName())
                        && !s.name().equals(target.name()));
        for (NodeState helper : helpers) {
            boolean nack = node.lifeguard && Members.protocolMax(helper.vsn()) >= 4;
            if (nack) {
                expectedNacks++;
            }
            IndirectPing req = new IndirectPing(seqNo, target.addr(), target.port(), target.name(), nack,
                    node.advertiseAddrBytes(), node.advertise().getPort(), node.localName());
            node.messenger.send(Members.socketAddress(helper.addr(), helper.port()), req,
                    Members.protocolMax(helper.vsn()) >= 5);
        }
        if (!node.config.disableTcpPings() && Members.protocolMax(target.vsn()) >= 3 && targetAddress != null) {
            long remaining = sentNanos + probeIntervalNanos - node.now();
            if (remaining > 0) {
                tcpPending = true;
                node.streams.tcpPing(targetAddress, target.name(), seqNo, Duration.ofNanos(remaining),
                        this::onTcpResult);
            }
        }
    }

    private void onTcpResult(boolean contact) {
        tcpPending = false;
        tcpContact = contact;
        if (timedOut && !finished) {
            conclude();
        }
    }

    /** Step 3: the ack handler expired (and the TCP ping, if any, has answered). */
    private void conclude() {
        if (finished) {
            return;
        }
        if (Boolean.TRUE.equals(tcpContact)) {
            log.warn("{}: was able to connect to {} over TCP but UDP probes failed, network may be misconfigured",
                    node.localName(), target.name());
            succeed();
            return;
        }
        finished = true;
        int delta = expectedNacks > 0 ? Math.max(0, expectedNacks - nacks) : 1;
        node.applyAwareness(delta);
        node.metrics.probeFailed();
        log.debug("{}: suspect {} has failed, no acks received", node.localName(), target.name());
        node.membership.suspectNode(new Suspect(target.incarnation(), target.name(), node.localName()), node.now());
    }

    private void succeed() {
        finished = true;
        node.applyAwareness(-1);
    }
}
