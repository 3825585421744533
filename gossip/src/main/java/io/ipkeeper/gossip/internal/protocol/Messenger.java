package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.wire.Message;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and sends UDP packets (spec §1.9): message(s) → compound → compress if smaller → CRC → encrypt → label.
 * {@link #send} is memberlist's {@code sendMsg}: the message plus as many queued broadcasts as fit.
 */
final class Messenger {
    /**
     * Parts per compound we send. The count is one byte, and memberlist 0.2.2's parser computes {@code count*2} in 8
     * bits, so stay below 128 (spec §1.4).
     */
    static final int MAX_COMPOUND_PARTS = 127;

    private final Transport transport;
    private final WireSettings wire;
    private final Broadcasts broadcasts;
    private final GossipMetrics metrics;
    private final int udpBufferSize;
    /** Null in production; the simulator's decoded hand-over otherwise ({@link SimulationOptions#decodedPackets}). */
    private final DecodedPackets decoded;

    Messenger(Transport transport, WireSettings wire, Broadcasts broadcasts, GossipMetrics metrics,
            int udpBufferSize, DecodedPackets decoded) {
        this.decoded = decoded;
        this.transport = transport;
        this.wire = wire;
        this.broadcasts = broadcasts;
        this.metrics = metrics;
        this.udpBufferSize = udpBufferSize;
    }

    /** {@code message} with piggy-backed broadcasts; {@code crc} when the destination's PMax ≥ 5. */
    void send(InetSocketAddress to, Message message, boolean crc) {
        int size = PacketCodec.encodeFrame(message).length;
        int space = udpBufferSize - size - Broadcasts.COMPOUND_HEADER_OVERHEAD - Broadcasts.COMPOUND_OVERHEAD
                - wire.packetOverhead();
        List<Message> parts = new ArrayList<>();
        parts.add(message);
        if (space > 0) {
            parts.addAll(broadcasts.drain(Broadcasts.COMPOUND_OVERHEAD, space));
        }
        sendParts(to, parts, crc);
    }

    /** Exactly these messages (one bare, several as compounds of at most 127 parts), no piggy-backing. */
    void sendParts(InetSocketAddress to, List<? extends Message> parts, boolean crc) {
        if (to == null || parts.isEmpty()) {
            return;
        }
        for (int from = 0; from < parts.size(); from += MAX_COMPOUND_PARTS) {
            List<? extends Message> chunk = parts.subList(from, Math.min(parts.size(), from + MAX_COMPOUND_PARTS));
            // The simulator's decoded path still encodes: the packet's exact size is what bandwidth is judged on.
            byte[] packet = PacketCodec.encodePacket(chunk, wire.outgoingPacket(crc));
            metrics.bytesSent(packet.length);
            if (decoded != null) {
                decoded.send(to, List.copyOf(chunk), packet.length);
            } else {
                transport.sendPacket(to, packet);
            }
        }
    }

    /** Room for broadcasts in a gossip packet: memberlist's {@code bytesAvail}. */
    int gossipSpace() {
        return udpBufferSize - Broadcasts.COMPOUND_HEADER_OVERHEAD - wire.packetOverhead();
    }
}
