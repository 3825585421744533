package io.ipkeeper.gossip.internal.wire.serf;

import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serf tags in memberlist node meta ({@code serf.go#encodeTags/decodeTags}): {@code 0xFF} + msgpack
 * {@code map[string]string}. Go writes the pairs in random map order, so decoding keeps the wire order and callers
 * compare tags as maps; encoding sorts the keys bytewise for reproducible output.
 */
public final class SerfTags {
    /** The magic first byte of tag-encoded meta (Serf protocol ≥ 3). */
    public static final int MAGIC = 0xFF;
    /** memberlist's {@code MetaMaxSize}. */
    public static final int META_MAX_SIZE = 512;

    private SerfTags() {
    }

    /** True when {@code meta} is in the tags format (starts with {@code 0xFF}). */
    public static boolean isTagMeta(byte[] meta) {
        return meta != null && meta.length > 0 && (meta[0] & 0xff) == MAGIC;
    }

    /**
     * The tags in {@code meta}, in wire order. Meta without the magic byte is, like Serf reads it, the single tag
     * {@code role = <meta as text>}.
     */
    public static Map<String, String> decode(byte[] meta) {
        if (!isTagMeta(meta)) {
            String role = meta == null ? "" : new String(meta, StandardCharsets.UTF_8);
            return Map.of("role", role);
        }
        MsgpackReader r = new MsgpackReader(meta, 1, meta.length - 1, "meta>serf-tags");
        Map<String, String> tags = readMap(r);
        return tags == null ? Map.of() : tags;
    }

    public static byte[] encode(Map<String, String> tags) {
        MsgpackWriter w = new MsgpackWriter();
        w.writeByte(MAGIC);
        writeMap(w, tags);
        byte[] out = w.toByteArray();
        if (out.length > META_MAX_SIZE) {
            throw new IllegalArgumentException("encoded tags are " + out.length + " bytes, more than " + META_MAX_SIZE);
        }
        return out;
    }

    static void writeMap(MsgpackWriter w, Map<String, String> tags) {
        Map<String, String> sorted = sortedBytewise(tags);
        w.writeMapHeader(sorted.size());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            w.writeString(e.getKey()).writeString(e.getValue());
        }
    }

    /** A string map, order preserved; null for nil. */
    static Map<String, String> readMap(MsgpackReader r) {
        int n = r.readMapHeader();
        if (n < 0) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String k = r.readString();
            out.put(k, r.readString());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Keys ordered by their UTF-8 bytes (unsigned), as Go sorts strings. */
    static <V> Map<String, V> sortedBytewise(Map<String, V> m) {
        Map<String, V> out = new TreeMap<>((a, b) -> Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        out.putAll(m);
        return out;
    }

    /** Tags meta from a decoder's point of view: bad bytes are a {@link WireFormatException}. */
    public static Map<String, String> decodeStrict(byte[] meta) {
        if (!isTagMeta(meta)) {
            throw new WireFormatException("meta>serf-tags", 0, "meta does not start with the 0xFF tags magic byte");
        }
        return decode(meta);
    }
}
