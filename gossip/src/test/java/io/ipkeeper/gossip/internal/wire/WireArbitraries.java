package io.ipkeeper.gossip.internal.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of memberlist messages for properties (strings are valid Unicode so they survive UTF-8). */
public final class WireArbitraries {
    private WireArbitraries() {
    }

    public static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u07ff').ofMaxLength(40);
    }

    public static Arbitrary<Long> uint32() {
        return Arbitraries.longs().between(0, 0xffff_ffffL);
    }

    public static Arbitrary<Integer> uint16() {
        return Arbitraries.integers().between(0, 0xffff);
    }

    public static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    public static Arbitrary<byte[]> nullableBytes(int max) {
        return bytes(max).injectNull(0.2);
    }

    public static Arbitrary<byte[]> addresses() {
        return Arbitraries.of(4, 16).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    public static Arbitrary<Message> messages() {
        Arbitrary<Message> ping = Combinators.combine(uint32(), names(), addresses().injectNull(0.3), uint16(), names())
                .as((s, n, a, p, sn) -> new Ping(s, n, a, p, sn));
        Arbitrary<Message> indirect = Combinators.combine(uint32(), addresses(), uint16(), names(),
                Arbitraries.of(true, false), addresses().injectNull(0.3), uint16(), names())
                .as((s, t, p, n, nack, a, sp, sn) -> new IndirectPing(s, t, p, n, nack, a, sp, sn));
        Arbitrary<Message> ack = Combinators.combine(uint32(), nullableBytes(100)).as(Ack::new);
        Arbitrary<Message> nack = uint32().map(Nack::new);
        Arbitrary<Message> suspect = Combinators.combine(uint32(), names(), names()).as(Suspect::new);
        Arbitrary<Message> dead = Combinators.combine(uint32(), names(), names()).as(Dead::new);
        Arbitrary<Message> alive = Combinators.combine(uint32(), names(), addresses().injectNull(0.1), uint16(),
                nullableBytes(512), nullableBytes(6)).as(Alive::new);
        Arbitrary<Message> user = bytes(600).map(UserMessage::new);
        return Arbitraries.oneOf(ping, indirect, ack, nack, suspect, dead, alive, user);
    }

    public static Arbitrary<PushNodeState> nodeStates() {
        return Combinators.combine(names(), addresses(), uint16(), nullableBytes(64), uint32(),
                Arbitraries.integers().between(0, 3), nullableBytes(6)).as(PushNodeState::new);
    }

    public static Arbitrary<StreamMessage> streamMessages() {
        Arbitrary<StreamMessage> pushPull = Combinators.combine(Arbitraries.of(true, false),
                nodeStates().list().ofMaxSize(40), bytes(700)).as(PushPull::new);
        Arbitrary<StreamMessage> user = bytes(700).map(UserMessage::new);
        Arbitrary<StreamMessage> ping = Combinators.combine(uint32(), names()).as((s, n) -> new Ping(s, n, null, 0, ""));
        Arbitrary<StreamMessage> ack = Combinators.combine(uint32(), nullableBytes(50)).as(Ack::new);
        Arbitrary<StreamMessage> err = names().map(ErrorResponse::new);
        Arbitrary<Integer> buckets = Arbitraries.integers().between(0, 10).map(e -> 1 << e);
        Arbitrary<StreamMessage> digestRequest = Combinators.combine(buckets, Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.longs()).as(DigestRequest::new);
        Arbitrary<StreamMessage> digestReply = buckets.flatMap(b -> Combinators.combine(
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.longs().array(long[].class).ofSize(b)
                        .injectNull(0.3)).as((count, hashes) -> new DigestReply(b, count, hashes)));
        Arbitrary<StreamMessage> digestRecords = buckets.flatMap(b -> Combinators.combine(
                names().filter(n -> !n.isEmpty()), Arbitraries.integers().between(0, b - 1).set().ofMaxSize(8),
                nodeStates().list().ofMaxSize(10)).as((from, marked, nodes) -> {
                    java.util.BitSet bits = new java.util.BitSet();
                    marked.forEach(bits::set);
                    return new DigestRecords(from, b, bits, nodes);
                }));
        return Arbitraries.oneOf(pushPull, user, ping, ack, err, digestRequest, digestReply, digestRecords);
    }

    public static Arbitrary<WireOptions> options() {
        Arbitrary<Keyring> keyring = Arbitraries.of(16, 24, 32)
                .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n)).map(Keyring::of).injectNull(0.5);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), keyring,
                Arbitraries.of("", "", "prod", "ünïcode-label"), Arbitraries.of(0, 1))
                .as((crc, comp, k, label, v) -> WireOptions.plain().withCrc(crc).withCompression(comp).withKeyring(k)
                        .withLabel(label).withEncryptionVersion(v));
    }
}
