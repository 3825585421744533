package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.state.TransmitLimitedQueue;
import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.CompoundFrame;
import io.ipkeeper.gossip.internal.wire.Dead;
import io.ipkeeper.gossip.internal.wire.Frame;
import io.ipkeeper.gossip.internal.wire.IndirectPing;
import io.ipkeeper.gossip.internal.wire.Message;
import io.ipkeeper.gossip.internal.wire.Nack;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.Suspect;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The simulator's decoded path ({@link SimulationOptions#decodedPackets}): for every message type, alone and as a
 * compound with piggy-backed broadcasts, with and without CRC, the size handed to the sink is exactly the size of the
 * packet the transport would have sent, and the messages are those a receiver decodes from that packet.
 */
class MessengerDecodedTest {
    private static final InetSocketAddress TO = new InetSocketAddress("198.18.0.2", 7946);
    private static final byte[] ADDR = {(byte) 198, 18, 0, 1};

    private record Sent(List<Message> messages, int size) {}

    /** A transport that records what it would put on the wire. */
    private static final class Recording implements Transport {
        final List<byte[]> packets = new ArrayList<>();

        @Override
        public void start(Inbound inbound) {}

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("198.18.0.1", 7946);
        }

        @Override
        public void sendPacket(InetSocketAddress to, byte[] packet) {
            packets.add(packet);
        }

        @Override
        public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, boolean expectReply,
                Duration timeout) {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {}
    }

    /** Every message type a UDP packet may carry (an error response is a stream message only). */
    private static List<Message> everyType() {
        byte[] meta = "rack=a1,role=server".getBytes();
        return List.of(
                new Ping(7, "node-00002", ADDR, 7946, "node-00001"),
                new IndirectPing(8, new byte[] {(byte) 198, 18, 0, 3}, 7946, "node-00003", true, ADDR, 7946,
                        "node-00001"),
                new Ack(9, null),
                new Ack(10, new byte[] {1, 2, 3}),
                new Nack(11),
                new Suspect(4, "node-00004", "node-00001"),
                new Alive(5, "node-00005", new byte[] {(byte) 198, 18, 0, 5}, 7946, meta,
                        new byte[] {1, 5, 2, 2, 5, 4}),
                new Dead(6, "node-00006", "node-00001"),
                new UserMessage("hello, cluster".getBytes()));
    }

    private static Messenger messenger(Transport transport, TransmitLimitedQueue<Message> queue,
            DecodedPackets sink) {
        GossipConfig config = GossipConfig.lan().name("node-00001").build();
        Broadcasts broadcasts = new Broadcasts(queue, new Delegate() {}, new GossipMetrics() {});
        return new Messenger(transport, new WireSettings(config, new KeyringHolder(null)), broadcasts,
                new GossipMetrics() {}, config.udpBufferSize(), sink);
    }

    private static List<Message> partsOf(byte[] packet, WireSettings wire) {
        Frame frame = PacketCodec.decodePacket(packet, wire.incoming()).frame();
        List<Message> out = new ArrayList<>();
        collect(frame, out);
        return out;
    }

    private static void collect(Frame frame, List<Message> out) {
        switch (frame) {
            case CompoundFrame c -> c.parts().forEach(p -> collect(p, out));
            case io.ipkeeper.gossip.internal.wire.CrcFrame c -> collect(c.inner(), out);
            case io.ipkeeper.gossip.internal.wire.CompressedFrame c -> collect(c.inner(), out);
            case Message m -> out.add(m);
        }
    }

    private static TransmitLimitedQueue<Message> queueWith(List<Message> broadcasts) {
        TransmitLimitedQueue<Message> queue = new TransmitLimitedQueue<>(4, () -> 10, 4096);
        int i = 0;
        for (Message m : broadcasts) {
            queue.queue("b" + i++, m, PacketCodec.encodeFrame(m).length);
        }
        return queue;
    }

    @Test
    void everyMessageTypeIsAccountedAtItsExactEncodedSizeAndArrivesAsDecoded() {
        GossipConfig config = GossipConfig.lan().name("node-00001").build();
        WireSettings wire = new WireSettings(config, new KeyringHolder(null));
        for (boolean crc : new boolean[] {false, true}) {
            for (Message m : everyType()) {
                for (boolean piggyBack : new boolean[] {false, true}) {
                    // The same broadcasts queued twice: once for the byte path, once for the decoded path.
                    List<Message> broadcasts = piggyBack ? everyType() : List.of();
                    Recording bytes = new Recording();
                    messenger(bytes, queueWith(broadcasts), null).send(TO, m, crc);
                    List<Sent> sent = new ArrayList<>();
                    Recording none = new Recording();
                    messenger(none, queueWith(broadcasts), (to, msgs, size) -> sent.add(new Sent(msgs, size)))
                            .send(TO, m, crc);

                    assertThat(none.packets).as("nothing goes through the transport").isEmpty();
                    assertThat(sent).hasSize(1);
                    assertThat(bytes.packets).hasSize(1);
                    byte[] packet = bytes.packets.getFirst();
                    String what = m.getClass().getSimpleName() + (crc ? " crc" : "") + (piggyBack ? " +bc" : "");
                    assertThat(sent.getFirst().size()).as(what).isEqualTo(packet.length);
                    assertThat(sent.getFirst().messages()).as(what).isEqualTo(partsOf(packet, wire));
                    assertThat(sent.getFirst().messages()).as(what).hasSize(piggyBack ? 1 + broadcasts.size() : 1);
                }
            }
        }
    }
}
