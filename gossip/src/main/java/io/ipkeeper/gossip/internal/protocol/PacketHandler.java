package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.CompoundFrame;
import io.ipkeeper.gossip.internal.wire.CompressedFrame;
import io.ipkeeper.gossip.internal.wire.CrcFrame;
import io.ipkeeper.gossip.internal.wire.Dead;
import io.ipkeeper.gossip.internal.wire.DecodedPacket;
import io.ipkeeper.gossip.internal.wire.ErrorResponse;
import io.ipkeeper.gossip.internal.wire.Frame;
import io.ipkeeper.gossip.internal.wire.IndirectPing;
import io.ipkeeper.gossip.internal.wire.Message;
import io.ipkeeper.gossip.internal.wire.Nack;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.Suspect;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound UDP (memberlist {@code ingestPacket}/{@code handleCommand}): decode (label, decrypt, CRC, compound and
 * compress recursively), then dispatch each message. Malformed or undecryptable packets are dropped and counted, never
 * thrown. Answers pings and runs the helper side of indirect probes (spec §4.3).
 */
final class PacketHandler {
    private static final Logger log = LoggerFactory.getLogger(PacketHandler.class);

    private final ProtocolNode node;

    PacketHandler(ProtocolNode node) {
        this.node = node;
    }

    void handle(InetSocketAddress from, byte[] data, long receivedNanos) {
        DecodedPacket packet;
        try {
            packet = decode(data);
        } catch (WireFormatException e) {
            node.metrics.packetDropped(e.reason());
            log.debug("{}: dropping packet from {}: {}", node.localName(), from, e.getMessage());
            return;
        }
        if (!packet.label().equals(node.config.label())) {
            node.metrics.packetDropped("label mismatch");
            log.debug("{}: dropping packet from {} with label '{}'", node.localName(), from, packet.label());
            return;
        }
        dispatch(from, packet.frame(), receivedNanos);
    }

    /** The simulator's decoded path: the messages of one packet, already decoded by nobody (shared objects). */
    void handleDecoded(InetSocketAddress from, List<Message> messages, long receivedNanos) {
        for (Message m : messages) {
            handleMessage(from, m, receivedNanos);
        }
    }

    private DecodedPacket decode(byte[] data) {
        try {
            return PacketCodec.decodePacket(data, node.wire.incoming());
        } catch (WireFormatException e) {
            // GossipVerifyIncoming=false: a packet that does not decrypt is read as plaintext (gradual roll-out).
            if (node.wire.encryptionEnabled() && !node.wire.verifyIncoming()) {
                return PacketCodec.decodePacket(data, node.wire.incomingPlaintext());
            }
            throw e;
        }
    }

    private void dispatch(InetSocketAddress from, Frame frame, long receivedNanos) {
        switch (frame) {
            case CompoundFrame c -> {
                if (c.truncated() > 0) {
                    node.metrics.packetDropped("compound truncated");
                    log.debug("{}: compound from {} truncated, {} part(s) lost", node.localName(), from, c.truncated());
                }
                for (Frame part : c.parts()) {
                    dispatch(from, part, receivedNanos);
                }
            }
            case CrcFrame c -> dispatch(from, c.inner(), receivedNanos);
            case CompressedFrame c -> dispatch(from, c.inner(), receivedNanos);
            case Message m -> handleMessage(from, m, receivedNanos);
        }
    }

    private void handleMessage(InetSocketAddress from, Message message, long receivedNanos) {
        long now = node.now();
        switch (message) {
            case Ping p -> handlePing(from, p);
            case IndirectPing p -> handleIndirectPing(from, p);
            case Ack a -> node.acks.ack(a, receivedNanos);
            case Nack n -> node.acks.nack(n.seqNo());
            case Alive a -> node.membership.aliveNode(a, false, now);
            case Suspect s -> node.membership.suspectNode(s, now);
            case Dead d -> node.membership.deadNode(d, now);
            case UserMessage u -> node.delegate.notifyMessage(u.payload());
            case ErrorResponse e -> node.metrics.packetDropped("error response in a packet");
        }
    }

    /** memberlist {@code handlePing}: ack unless the ping names another node. */
    private void handlePing(InetSocketAddress from, Ping p) {
        if (!p.node().isEmpty() && !p.node().equals(node.localName())) {
            node.metrics.packetDropped("ping for another node");
            log.debug("{}: got a ping for {} from {}", node.localName(), p.node(), from);
            return;
        }
        node.messenger.send(replyAddress(from, p.sourceAddr(), p.sourcePort()), new Ack(p.seqNo(), null),
                node.crcFor(p.sourceNode()));
    }

    /**
     * memberlist {@code handleIndirectPing}: ping the target with our own sequence number; relay its ack to the
     * requester under the original sequence number, or a nack if none came within the probe timeout and one was asked.
     */
    private void handleIndirectPing(InetSocketAddress from, IndirectPing req) {
        InetSocketAddress requester = replyAddress(from, req.sourceAddr(), req.sourcePort());
        InetSocketAddress target = Members.socketAddress(req.target(), req.port());
        if (target == null || requester == null) {
            node.metrics.packetDropped("indirect ping with a bad address");
            return;
        }
        boolean requesterCrc = node.crcFor(req.sourceNode());
        long seq = node.acks.nextSeqNo();
        Duration timeout = node.config.probeTimeout();
        node.acks.expect(seq, timeout, new AckTracker.Handler() {
            @Override
            public void onAck(Ack ack, long receivedNanos) {
                node.messenger.send(requester, new Ack(req.seqNo(), null), requesterCrc);
            }

            @Override
            public void onTimeout() {
                if (req.nack()) {
                    node.messenger.send(requester, new Nack(req.seqNo()), requesterCrc);
                }
            }
        });
        Ping ping = new Ping(seq, req.node(), node.advertiseAddrBytes(), node.advertise().getPort(), node.localName());
        node.messenger.send(target, ping, node.crcFor(req.node()));
    }

    /** The Source fields of a ping if present (v0.2.0+), else the packet's source address. */
    private static InetSocketAddress replyAddress(InetSocketAddress from, byte[] sourceAddr, int sourcePort) {
        if (sourceAddr != null && sourcePort != 0) {
            InetSocketAddress a = Members.socketAddress(sourceAddr, sourcePort);
            if (a != null) {
                return a;
            }
        }
        return from;
    }
}
