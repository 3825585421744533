package io.ipkeeper.gossip.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Any message, alone or in a compound, with any combination of CRC, compression, encryption and label. */
class MessageRoundTripPropertyTest {

    @Provide
    Arbitrary<List<Message>> packets() {
        return WireArbitraries.messages().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<WireOptions> options() {
        return WireArbitraries.options();
    }

    @Provide
    Arbitrary<StreamMessage> streamMessages() {
        return WireArbitraries.streamMessages();
    }

    @Property(tries = 500)
    void packetsRoundTrip(@ForAll("packets") List<Message> messages, @ForAll("options") WireOptions options) {
        byte[] packet = PacketCodec.encodePacket(messages, options);

        DecodedPacket decoded = PacketCodec.decodePacket(packet, options);

        assertThat(decoded.label()).isEqualTo(options.label());
        assertThat(decoded.encryption() != null).isEqualTo(options.encrypted());
        Frame f = decoded.frame();
        assertThat(f instanceof CrcFrame).isEqualTo(options.crc());
        if (f instanceof CrcFrame c) {
            f = c.inner();
        }
        if (f instanceof CompressedFrame c) {
            assertThat(options.compress()).isTrue();
            f = c.inner();
        }
        assertThat(messagesOf(f)).isEqualTo(messages);
    }

    @Property(tries = 300)
    void streamsRoundTrip(@ForAll("streamMessages") StreamMessage message, @ForAll("options") WireOptions options) {
        byte[] stream = StreamCodec.encodeStream(message, options);

        DecodedStream decoded = StreamCodec.decodeStream(stream, options);

        assertThat(decoded.message()).isEqualTo(message);
        boolean extension = message.type().code() >= MessageType.DIGEST_REQUEST.code()
                && message.type().code() <= MessageType.DIGEST_RECORDS.code();
        if (!extension) {
            assertThat(decoded.compressedLength() >= 0).isEqualTo(options.compress());
        } else if (decoded.compressedLength() >= 0) {
            // Our digest messages are compressed only when that makes them smaller.
            assertThat(options.compress()).isTrue();
            assertThat(StreamCodec.encodeMessage(message).length).isGreaterThan(decoded.compressedLength());
        }
        assertThat(decoded.encryption() != null).isEqualTo(options.encrypted());
        assertThat(decoded.trailingBytes()).isZero();
    }

    @Test
    void compressionIsUsedOnUdpOnlyWhenItHelps() {
        WireOptions compress = WireOptions.plain().withCompression(true);
        byte[] small = PacketCodec.encodePacket(List.of(new Nack(1)), compress);
        assertThat(small[0]).isEqualTo((byte) MessageType.NACK.code());
        List<Message> alive = Collections.nCopies(3, new Alive(1, "go-d", new byte[] {127, 0, 0, 1}, 7956, null,
                new byte[] {1, 5, 2, 0, 0, 0}));
        byte[] big = PacketCodec.encodePacket(alive, compress);
        assertThat(big[0]).isEqualTo((byte) MessageType.COMPRESS.code());
    }

    @Test
    void moreThan255PartsAreRefused() {
        List<Message> many = Collections.nCopies(256, new Nack(1));
        assertThatThrownBy(() -> PacketCodec.encodePacket(many, WireOptions.plain()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PacketCodec.encodePacket(many.subList(0, 255), WireOptions.plain())[1]).isEqualTo((byte) 255);
    }

    @Test
    void truncatedCompoundPartsAreCountedLikeGo() {
        byte[] packet = PacketCodec.encodePacket(List.of(new Nack(1), new Nack(2), new Nack(3)), WireOptions.plain());
        byte[] cut = java.util.Arrays.copyOf(packet, packet.length - 3);

        CompoundFrame c = (CompoundFrame) PacketCodec.decodePacket(cut, WireOptions.plain()).frame();

        assertThat(c.parts()).containsExactly(new Nack(1), new Nack(2));
        assertThat(c.truncated()).isEqualTo(1);
        assertThat(c.declaredLengths()).hasSize(3);
    }

    @Test
    void go058SignedIntsAndStr8AreReadToo() {
        // pushPull header as memberlist >= 0.5 writes it: Nodes 0, UserStateLen 589 as d1 024d; str8 key
        byte[] stream = java.util.HexFormat.of().parseHex("0683a44a6f696ec2a54e6f64657300d90c5573657253746174654c656e"
                + "d1024d" + "00".repeat(589));
        PushPull p = (PushPull) StreamCodec.decodeStream(stream, WireOptions.plain()).message();
        assertThat(p.userState()).hasSize(589);
        assertThat(p.nodes()).isEmpty();
    }

    private static List<Message> messagesOf(Frame f) {
        if (f instanceof CompoundFrame c) {
            List<Message> out = new ArrayList<>();
            for (Frame p : c.parts()) {
                out.add((Message) p);
            }
            return out;
        }
        return List.of((Message) f);
    }
}
