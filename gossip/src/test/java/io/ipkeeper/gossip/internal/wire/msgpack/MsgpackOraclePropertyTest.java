package io.ipkeeper.gossip.internal.wire.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Differential properties against msgpack-core (configured like go-msgpack 0.5.x: no str8, bytes as raw strings):
 * our writer produces the same bytes, and our reader reads what msgpack-core writes in its default (str8/bin) mode.
 */
class MsgpackOraclePropertyTest {

    /** A msgpack value: null, Boolean, Long (signed), Unsigned, Double, byte[], String, List, sorted Map. */
    record Unsigned(long value) {
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 3);
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.longs().between(-40, 70000).map(v -> (Object) v),
                Arbitraries.longs().map(v -> (Object) new Unsigned(v)),
                Arbitraries.doubles().map(v -> (Object) v),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(v -> (Object) v),
                Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u07ff').ofMaxLength(70)
                        .map(v -> (Object) v));
    }

    private Arbitrary<Object> container(Arbitrary<Object> element) {
        Arbitrary<Object> list = element.list().ofMaxSize(20).map(v -> (Object) v);
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(12), element)
                .ofMaxSize(18).map(m -> (Object) new TreeMap<>(m));
        return Arbitraries.oneOf(list, map);
    }

    @Property(tries = 400)
    void ourBytesEqualMsgpackCore(@ForAll("values") Object value) throws IOException {
        MsgpackWriter ours = new MsgpackWriter();
        writeOurs(ours, value);
        MessageBufferPacker theirs = new MessagePack.PackerConfig().withStr8FormatSupport(false).newBufferPacker();
        writeTheirs(theirs, value);
        theirs.close();

        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray());
    }

    /** Raw header boundaries (fixraw/da/db) are not worth generating inside trees: sizes around each edge. */
    @Property(tries = 60)
    void rawHeaderBoundariesMatch(@ForAll("rawSizes") int size) throws IOException {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'x');
        MsgpackWriter ours = new MsgpackWriter().writeBytes(b);
        MessageBufferPacker theirs = new MessagePack.PackerConfig().withStr8FormatSupport(false).newBufferPacker();
        theirs.packRawStringHeader(size);
        theirs.writePayload(b);
        theirs.close();

        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray());
        assertThat(new MsgpackReader(ours.toByteArray(), "t").readBytes()).isEqualTo(b);
    }

    @Provide
    Arbitrary<Integer> rawSizes() {
        return Arbitraries.of(0, 1, 31, 32, 33, 255, 256, 257, 65534, 65535, 65536, 65537, 100_000);
    }

    @Property(tries = 400)
    void weReadWhatMsgpackCoreWritesWithStr8AndBin(@ForAll("values") Object value) throws IOException {
        MessageBufferPacker theirs = MessagePack.newDefaultBufferPacker(); // str8 and bin8/16/32 enabled
        writeTheirsModern(theirs, value);
        theirs.close();
        byte[] bytes = theirs.toByteArray();
        MsgpackReader r = new MsgpackReader(bytes, "test");

        Object back = readOurs(r, value);

        assertThat(r.remaining()).isZero();
        assertThat(normalize(back)).isEqualTo(normalize(value));
        MsgpackReader skipper = new MsgpackReader(bytes, "test");
        skipper.skipValue();
        assertThat(skipper.remaining()).isZero();
    }

    @Property(tries = 200)
    void msgpackCoreReadsOurOutput(@ForAll("values") Object value) throws IOException {
        MsgpackWriter ours = new MsgpackWriter();
        writeOurs(ours, value);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(ours.toByteArray())) {
            u.skipValue();
            assertThat(u.hasNext()).isFalse();
        }
    }

    private static void writeOurs(MsgpackWriter w, Object v) {
        switch (v) {
            case null -> w.writeNil();
            case Boolean b -> w.writeBool(b);
            case Long l -> w.writeSigned(l);
            case Unsigned u -> w.writeUnsigned(u.value());
            case Double d -> w.writeFloat64(d);
            case byte[] b -> w.writeBytes(b);
            case String s -> w.writeString(s);
            case List<?> l -> {
                w.writeArrayHeader(l.size());
                l.forEach(e -> writeOurs(w, e));
            }
            case Map<?, ?> m -> {
                w.writeMapHeader(m.size());
                m.forEach((k, e) -> {
                    w.writeString((String) k);
                    writeOurs(w, e);
                });
            }
            default -> throw new IllegalArgumentException(v.getClass().getName());
        }
    }

    private static void writeTheirs(MessageBufferPacker p, Object v) throws IOException {
        switch (v) {
            case null -> p.packNil();
            case Boolean b -> p.packBoolean(b);
            case Long l -> p.packLong(l);
            case Unsigned u -> p.packBigInteger(new java.math.BigInteger(Long.toUnsignedString(u.value())));
            case Double d -> p.packDouble(d);
            case byte[] b -> {
                p.packRawStringHeader(b.length);
                p.writePayload(b);
            }
            case String s -> {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                p.packRawStringHeader(utf8.length);
                p.writePayload(utf8);
            }
            case List<?> l -> {
                p.packArrayHeader(l.size());
                for (Object e : l) {
                    writeTheirs(p, e);
                }
            }
            case Map<?, ?> m -> {
                p.packMapHeader(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    writeTheirs(p, e.getKey());
                    writeTheirs(p, e.getValue());
                }
            }
            default -> throw new IllegalArgumentException(v.getClass().getName());
        }
    }

    /** msgpack-core's defaults: str8 for strings, bin family for bytes, float32 never (we only pack doubles). */
    private static void writeTheirsModern(MessageBufferPacker p, Object v) throws IOException {
        switch (v) {
            case null -> p.packNil();
            case byte[] b -> {
                p.packBinaryHeader(b.length);
                p.writePayload(b);
            }
            case String s -> p.packString(s);
            case List<?> l -> {
                p.packArrayHeader(l.size());
                for (Object e : l) {
                    writeTheirsModern(p, e);
                }
            }
            case Map<?, ?> m -> {
                p.packMapHeader(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    writeTheirsModern(p, e.getKey());
                    writeTheirsModern(p, e.getValue());
                }
            }
            default -> writeTheirs(p, v);
        }
    }

    /** Reads a value shaped like {@code like} (a schema-driven reader, as the message codecs are). */
    private static Object readOurs(MsgpackReader r, Object like) {
        return switch (like) {
            case null -> {
                assertThat(r.tryReadNil()).isTrue();
                yield null;
            }
            case Boolean b -> r.readBool();
            case Long l -> r.readLong();
            case Unsigned u -> new Unsigned(r.readUint64("u"));
            case Double d -> r.readFloat64();
            case byte[] b -> r.readBytes();
            case String s -> r.readString();
            case List<?> l -> {
                int n = r.readArrayHeader();
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    out.add(readOurs(r, l.get(i)));
                }
                yield out;
            }
            case Map<?, ?> m -> {
                int n = r.readMapHeader();
                Map<Object, Object> out = new TreeMap<>();
                var it = m.values().iterator();
                for (int i = 0; i < n; i++) {
                    String k = r.readString();
                    out.put(k, readOurs(r, it.next()));
                }
                yield out;
            }
            default -> throw new IllegalArgumentException(like.getClass().getName());
        };
    }

    private static Object normalize(Object v) {
        return switch (v) {
            case byte[] b -> Arrays.toString(b);
            case Double d -> Double.doubleToRawLongBits(d);
            case List<?> l -> l.stream().map(MsgpackOraclePropertyTest::normalize).toList();
            case Map<?, ?> m -> {
                Map<Object, Object> out = new TreeMap<>();
                m.forEach((k, e) -> out.put(k, String.valueOf(normalize(e))));
                yield out;
            }
            case null -> "nil";
            default -> v;
        };
    }
}
