package io.ipkeeper.gossip.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digest anti-entropy messages (ipkeeper extension, types 96–98): exact bytes of a small example (so the format
 * is pinned, not just self-consistent), and every malformed field refused with a message naming it.
 */
class DigestCodecTest {

    @Test
    void aDigestRequestHasThisExactEncoding() {
        byte[] bytes = StreamCodec.encodeMessage(new DigestRequest(16, 3, 0x0102030405060708L));
        // 0x60 type, fixmap 3, "Buckets" 16, "Count" 3, "Root" uint64
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("6083a74275636b65747310a5436f756e7403a4526f6f74"
                + "cf0102030405060708");
    }

    @Test
    void theReplyCarriesBigEndianHashesAndAnInSyncReplyNone() {
        DigestReply reply = new DigestReply(2, 5, new long[] {1, -1});
        DigestReply back = (DigestReply) StreamCodec.decodeStream(StreamCodec.encodeStream(reply, WireOptions.plain()),
                WireOptions.plain()).message();
        assertThat(back).isEqualTo(reply);
        assertThat(back.inSync()).isFalse();
        DigestReply inSync = new DigestReply(2, 5, null);
        assertThat(inSync.inSync()).isTrue();
        assertThat(StreamCodec.decodeStream(StreamCodec.encodeStream(inSync, WireOptions.plain()), WireOptions.plain())
                .message()).isEqualTo(inSync);
    }

    @Test
    void recordsRoundTripWithTheirMarkedBuckets() {
        BitSet marked = new BitSet();
        marked.set(0);
        marked.set(9);
        PushNodeState n = new PushNodeState("n1", new byte[] {127, 0, 0, 1}, 7946, null, 4, PushNodeState.DEAD,
                new byte[] {1, 5, 2, 0, 0, 0, 1});
        DigestRecords m = new DigestRecords("peer", 16, marked, List.of(n));
        WireOptions compressed = WireOptions.plain().withCompression(true);
        DigestRecords back = (DigestRecords) StreamCodec.decodeStream(StreamCodec.encodeStream(m, compressed),
                compressed).message();
        assertThat(back).isEqualTo(m);
        assertThat(back.marked().stream().boxed().toList()).containsExactly(0, 9);
    }

    @Test
    void bucketCountsThatAreNotAPowerOfTwoUpTo1024AreRefused() {
        for (int bad : new int[] {0, 3, 2048, -4}) {
            byte[] bytes = request(bad);
            assertThatThrownBy(() -> StreamCodec.decodeStream(bytes, WireOptions.plain()))
                    .as("buckets %d", bad).isInstanceOf(WireFormatException.class).hasMessageContaining("Buckets");
        }
    }

    @Test
    void hashesOfTheWrongLengthAreRefused() {
        MsgpackWriter w = new MsgpackWriter();
        w.writeByte(MessageType.DIGEST_REPLY.code()).writeMapHeader(3);
        w.writeString("Buckets").writeUnsigned(4);
        w.writeString("Count").writeUnsigned(1);
        w.writeString("Hashes").writeBytes(new byte[12]);
        assertThatThrownBy(() -> StreamCodec.decodeStream(w.toByteArray(), WireOptions.plain()))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("Hashes: 12 bytes for 4 buckets");
    }

    @Test
    void aMarkedBucketOutOfRangeOrAMissingSenderIsRefused() {
        MsgpackWriter w = records(4, new byte[] {0x10}, "peer");
        assertThatThrownBy(() -> StreamCodec.decodeStream(w.toByteArray(), WireOptions.plain()))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("bucket 4 is out of range");
        MsgpackWriter noSender = records(4, new byte[] {0x01}, "");
        assertThatThrownBy(() -> StreamCodec.decodeStream(noSender.toByteArray(), WireOptions.plain()))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("From");
        MsgpackWriter shortBitmap = records(16, new byte[] {0x01}, "peer");
        assertThatThrownBy(() -> StreamCodec.decodeStream(shortBitmap.toByteArray(), WireOptions.plain()))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("Marked: 1 bytes for 16 buckets");
    }

    private static byte[] request(int buckets) {
        MsgpackWriter w = new MsgpackWriter();
        w.writeByte(MessageType.DIGEST_REQUEST.code()).writeMapHeader(3);
        w.writeString("Buckets").writeSigned(buckets);
        w.writeString("Count").writeUnsigned(1);
        w.writeString("Root").writeUnsigned(7);
        return w.toByteArray();
    }

    private static MsgpackWriter records(int buckets, byte[] bitmap, String from) {
        MsgpackWriter w = new MsgpackWriter();
        w.writeByte(MessageType.DIGEST_RECORDS.code()).writeMapHeader(4);
        w.writeString("Buckets").writeUnsigned(buckets);
        w.writeString("From").writeString(from);
        w.writeString("Marked").writeBytes(bitmap);
        w.writeString("Records").writeArrayHeader(0);
        return w;
    }

    @Test
    void aSmallDigestMessageTravelsUncompressedEvenWhenCompressionIsOnButABigOneCompressed() {
        WireOptions compress = WireOptions.plain().withCompression(true);
        DigestRequest small = new DigestRequest(16, 3, 42);
        DecodedStream plain = StreamCodec.decodeStream(StreamCodec.encodeStream(small, compress), compress);
        assertThat(plain.compressedLength()).isEqualTo(-1);
        assertThat(plain.message()).isEqualTo(small);
        java.util.List<PushNodeState> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new PushNodeState("node-" + i, new byte[] {127, 0, 0, 1}, 7946, null, 1, PushNodeState.ALIVE,
                    new byte[] {1, 5, 2, 0, 0, 0, 1}));
        }
        BitSet all = new BitSet();
        all.set(0);
        DecodedStream big = StreamCodec.decodeStream(StreamCodec.encodeStream(new DigestRecords("p", 1, all, many),
                compress), compress);
        assertThat(big.compressedLength()).isPositive();
    }
}
