package io.ipkeeper.gossip.internal.wire;

import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Bodies of the digest anti-entropy messages (types 96–98), written in memberlist's msgpack style: maps with keys
 * sorted bytewise, unsigned integers; hashes travel as one byte string (8 bytes per bucket, big-endian) and the marked
 * buckets as a bitmap (bit {@code i} = byte {@code i / 8}, bit {@code i % 8}). Reading validates every field, so a
 * malformed or hostile message is an error before anything is merged.
 */
public final class DigestCodec {
    /** The most buckets a digest may be split into. */
    public static final int MAX_BUCKETS = 1024;

    private static final byte[] BUCKETS = MsgpackWriter.encodedString("Buckets");
    private static final byte[] COUNT = MsgpackWriter.encodedString("Count");
    private static final byte[] FROM = MsgpackWriter.encodedString("From");
    private static final byte[] HASHES = MsgpackWriter.encodedString("Hashes");
    private static final byte[] MARKED = MsgpackWriter.encodedString("Marked");
    private static final byte[] RECORDS = MsgpackWriter.encodedString("Records");
    private static final byte[] ROOT = MsgpackWriter.encodedString("Root");

    private DigestCodec() {
    }

    /** True for a power of two in [1, {@link #MAX_BUCKETS}]. */
    public static boolean validBuckets(int buckets) {
        return buckets >= 1 && buckets <= MAX_BUCKETS && Integer.bitCount(buckets) == 1;
    }

    // ---------------------------------------------------------------- writing

    static void write(MsgpackWriter w, DigestRequest m) {
        w.writeByte(m.type().code()).writeMapHeader(3);
        w.writeRawPayload(BUCKETS).writeUnsigned(m.buckets());
        w.writeRawPayload(COUNT).writeUnsigned(m.count());
        w.writeRawPayload(ROOT).writeUnsigned(m.root());
    }

    static void write(MsgpackWriter w, DigestReply m) {
        w.writeByte(m.type().code()).writeMapHeader(3);
        w.writeRawPayload(BUCKETS).writeUnsigned(m.buckets());
        w.writeRawPayload(COUNT).writeUnsigned(m.count());
        byte[] hashes = new byte[8 * m.hashes().length];
        for (int i = 0; i < m.hashes().length; i++) {
            long h = m.hashes()[i];
            for (int b = 0; b < 8; b++) {
                hashes[8 * i + b] = (byte) (h >>> (56 - 8 * b));
            }
        }
        w.writeRawPayload(HASHES).writeBytes(hashes);
    }

    static void write(MsgpackWriter w, DigestRecords m) {
        w.writeByte(m.type().code()).writeMapHeader(4);
        w.writeRawPayload(BUCKETS).writeUnsigned(m.buckets());
        w.writeRawPayload(FROM).writeString(m.from());
        byte[] bitmap = new byte[(m.buckets() + 7) / 8];
        BitSet marked = m.marked();
        for (int i = marked.nextSetBit(0); i >= 0; i = marked.nextSetBit(i + 1)) {
            bitmap[i >>> 3] |= (byte) (1 << (i & 7));
        }
        w.writeRawPayload(MARKED).writeBytes(bitmap);
        w.writeRawPayload(RECORDS).writeArrayHeader(m.records().size());
        for (PushNodeState s : m.records()) {
            MessageBodyCodec.writePushNodeState(w, s);
        }
    }

    // ---------------------------------------------------------------- reading

    static DigestRequest readRequest(MsgpackReader r) {
        int buckets = 0;
        int count = 0;
        long root = 0;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (MessageBodyCodec.readKey(r)) {
                case "Buckets" -> buckets = r.readInt("Buckets");
                case "Count" -> count = (int) r.readUnsigned(Integer.MAX_VALUE, "Count");
                case "Root" -> root = r.readUint64("Root");
                default -> r.skipValue();
            }
        }
        checkBuckets(r, buckets);
        return new DigestRequest(buckets, count, root);
    }

    static DigestReply readReply(MsgpackReader r) {
        int buckets = 0;
        int count = 0;
        byte[] hashes = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (MessageBodyCodec.readKey(r)) {
                case "Buckets" -> buckets = r.readInt("Buckets");
                case "Count" -> count = (int) r.readUnsigned(Integer.MAX_VALUE, "Count");
                case "Hashes" -> hashes = r.readBytes();
                default -> r.skipValue();
            }
        }
        checkBuckets(r, buckets);
        int length = hashes == null ? 0 : hashes.length;
        if (length != 0 && length != 8 * buckets) {
            throw r.error("Hashes: " + length + " bytes for " + buckets + " buckets (want 0 or " + 8 * buckets + ")");
        }
        long[] out = new long[length / 8];
        for (int i = 0; i < out.length; i++) {
            long h = 0;
            for (int b = 0; b < 8; b++) {
                h = (h << 8) | (hashes[8 * i + b] & 0xff);
            }
            out[i] = h;
        }
        return new DigestReply(buckets, count, out);
    }

    static DigestRecords readRecords(MsgpackReader r) {
        int buckets = 0;
        String from = "";
        byte[] bitmap = null;
        List<PushNodeState> records = List.of();
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (MessageBodyCodec.readKey(r)) {
                case "Buckets" -> buckets = r.readInt("Buckets");
                case "From" -> from = r.readString();
                case "Marked" -> bitmap = r.readBytes();
                case "Records" -> records = readRecordList(r);
                default -> r.skipValue();
            }
        }
        checkBuckets(r, buckets);
        if (bitmap == null || bitmap.length != (buckets + 7) / 8) {
            throw r.error("Marked: " + (bitmap == null ? "missing" : bitmap.length + " bytes") + " for " + buckets
                    + " buckets (want " + (buckets + 7) / 8 + " bytes)");
        }
        BitSet marked = BitSet.valueOf(bitmap);
        if (marked.length() > buckets) {
            throw r.error("Marked: bucket " + (marked.length() - 1) + " is out of range for " + buckets + " buckets");
        }
        if (from.isEmpty()) {
            throw r.error("From: the sender's node name is missing");
        }
        return new DigestRecords(from, buckets, marked, records);
    }

    private static List<PushNodeState> readRecordList(MsgpackReader r) {
        int at = r.position();
        int n = r.readArrayHeader();
        if (n < 0) {
            return List.of();
        }
        if (n > StreamCodec.MAX_PUSH_PULL_NODES) {
            throw new WireFormatException(r.layer(), at, "Records: " + n + " records exceed the limit of "
                    + StreamCodec.MAX_PUSH_PULL_NODES);
        }
        List<PushNodeState> out = new ArrayList<>(Math.min(n, 4096));
        for (int i = 0; i < n; i++) {
            out.add(MessageBodyCodec.readPushNodeState(r));
        }
        return out;
    }

    private static void checkBuckets(MsgpackReader r, int buckets) {
        if (!validBuckets(buckets)) {
            throw r.error("Buckets: " + buckets + " is not a power of two in [1, " + MAX_BUCKETS + "]");
        }
    }
}
