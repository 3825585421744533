package io.ipkeeper.gossip.internal.wire.serf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.CompoundFrame;
import io.ipkeeper.gossip.internal.wire.CompressedFrame;
import io.ipkeeper.gossip.internal.wire.CrcFrame;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import io.ipkeeper.gossip.internal.wire.Vectors;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serf messages from real Serf 0.9.4 frames decode to the right records and encode back byte for byte. */
class SerfCodecTest {

    private static byte[] userPayload(String vector) {
        var frame = PacketCodec.decodePacket(Vectors.bytes(vector), WireOptions.plain()).frame();
        if (frame instanceof CrcFrame c) {
            frame = c.inner();
        }
        if (frame instanceof CompoundFrame c) {
            frame = c.parts().get(1);
        }
        return ((UserMessage) frame).payload();
    }

    @Test
    void joinIntentIsByteExact() {
        byte[] payload = userPayload("serf-udp-crc-join-intent");
        assertThat(SerfCodec.decode(payload, "t")).isEqualTo(new SerfJoin(1, "serf2"));
        assertThat(SerfCodec.encode(new SerfJoin(1, "serf2"))).isEqualTo(payload);
    }

    @Test
    void leaveIntentIsByteExact() {
        for (String v : List.of("serf-udp-crc-leave-intent", "serf-udp-compound-ping-leave-intent")) {
            byte[] payload = userPayload(v);
            assertThat(SerfCodec.decode(payload, "t")).isEqualTo(new SerfLeave(2, "serf2", false));
            assertThat(SerfCodec.encode(new SerfLeave(2, "serf2", false))).isEqualTo(payload);
        }
    }

    @Test
    void userEventIsByteExact() {
        byte[] payload = userPayload("serf-udp-crc-user-event");
        SerfUserEvent expected = new SerfUserEvent(1, "deploy", "v1".getBytes(StandardCharsets.UTF_8), true);
        assertThat(SerfCodec.decode(payload, "t")).isEqualTo(expected);
        assertThat(SerfCodec.encode(expected)).isEqualTo(payload);
    }

    @Test
    void pushPullUserStateWithEmptyEventBufferIsByteExact() {
        PushPull pp = (PushPull) StreamCodec.decodeStream(Vectors.bytes("serf-tcp-pushpull-join-response"),
                WireOptions.plain()).message();
        assertThat(pp.userState()).hasSize(589);

        SerfPushPull state = (SerfPushPull) SerfCodec.decode(pp.userState(), "t");

        assertThat(state.lTime()).isEqualTo(1);
        assertThat(state.eventLTime()).isEqualTo(1);
        assertThat(state.queryLTime()).isEqualTo(1);
        assertThat(state.statusLTimes()).containsExactly(Map.entry("serf1", 0L));
        assertThat(state.leftMembers()).isEmpty();
        assertThat(state.events()).hasSize(SerfPushPull.DEFAULT_EVENT_BUFFER).containsOnlyNulls();
        SerfPushPull ours = new SerfPushPull(1, Map.of("serf1", 0L), List.of(), 1,
                SerfPushPull.emptyEventBuffer(SerfPushPull.DEFAULT_EVENT_BUFFER), 1);
        assertThat(SerfCodec.encode(ours)).isEqualTo(pp.userState());
    }

    @Test
    void tagsKeepTheirWireOrderAndEncodeSorted() {
        var frame = (CrcFrame) PacketCodec.decodePacket(Vectors.bytes("serf-udp-crc-alive-with-tags"),
                WireOptions.plain()).frame();
        byte[] meta = ((Alive) frame.inner()).meta();

        Map<String, String> tags = SerfTags.decode(meta);

        assertThat(new ArrayList<>(tags.keySet())).containsExactly("role", "lang");
        assertThat(tags).containsEntry("role", "java").containsEntry("lang", "go");
        byte[] encoded = SerfTags.encode(tags);
        assertThat(encoded).hasSize(meta.length).isNotEqualTo(meta); // same pairs, sorted: lang before role
        assertThat(SerfTags.decode(encoded)).isEqualTo(tags);
        assertThat(new ArrayList<>(SerfTags.decode(encoded).keySet())).containsExactly("lang", "role");
    }

    @Test
    void metaWithoutMagicIsTheRoleTag() {
        assertThat(SerfTags.decode("web".getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of("role", "web"));
        assertThat(SerfTags.decode(null)).isEqualTo(Map.of("role", ""));
    }

    @Test
    void oversizedTagsAreRefused() {
        Map<String, String> big = new LinkedHashMap<>();
        big.put("k", "x".repeat(600));
        assertThatThrownBy(() -> SerfTags.encode(big)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ackCoordinateIsByteExact() {
        var frame = (CompressedFrame) PacketCodec.decodePacket(
                Vectors.bytes("serf-udp-compressed-ack-with-coordinate"), WireOptions.plain()).frame();
        byte[] payload = ((Ack) frame.inner()).payload();

        VivaldiCoordinate c = VivaldiCoordinate.fromAckPayload(payload);

        assertThat(c.vec()).hasSize(8).containsOnly(0.0);
        assertThat(c.error()).isEqualTo(1.5);
        assertThat(c.adjustment()).isEqualTo(0.0);
        assertThat(c.height()).isEqualTo(1.0e-5);
        assertThat(c.toAckPayload()).isEqualTo(payload);
    }

    @Test
    void relayCarriesAnInnerMessage() {
        SerfRelay relay = new SerfRelay(new byte[] {127, 0, 0, 1}, 7946, "", "serf1",
                new SerfQueryResponse(3, 42, "serf2", SerfQueryResponse.FLAG_ACK, null));
        assertThat(SerfCodec.decode(SerfCodec.encode(relay), "t")).isEqualTo(relay);
    }

    @Test
    void unknownSerfTypeIsATypedError() {
        assertThatThrownBy(() -> SerfCodec.decode(new byte[] {42}, "user"))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown serf message type 42");
    }
}
