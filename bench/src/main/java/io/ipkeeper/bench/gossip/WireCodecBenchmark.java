package io.ipkeeper.bench.gossip;

import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.DecodedPacket;
import io.ipkeeper.gossip.internal.wire.Message;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encode + decode of the two hot wire shapes, ours against msgpack-core doing the same msgpack work (configured like
 * go-msgpack 0.5.x: raw strings, no str8). Setup checks that both produce identical bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WireCodecBenchmark {
    private static final byte[] VSN = {1, 5, 2, 2, 5, 5};

    private List<Message> alives;
    private PushPull pushPull;
    private byte[] compoundBytes;
    private byte[] pushPullBytes;

    @Setup
    public void setup() throws IOException {
        alives = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            alives.add(new Alive(i + 1, "node-" + i, new byte[] {10, 0, 0, (byte) i}, 7946, null, VSN));
        }
        List<PushNodeState> nodes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            nodes.add(new PushNodeState("node-" + i, new byte[] {10, 0, (byte) (i >> 8), (byte) i}, 7946,
                    null, i + 1, i % 4, VSN));
        }
        pushPull = new PushPull(false, nodes, new byte[0]);
        compoundBytes = PacketCodec.encodePacket(alives, WireOptions.plain());
        pushPullBytes = StreamCodec.encodeStream(pushPull, WireOptions.plain());
        if (!Arrays.equals(compoundBytes, msgpackCoreCompound(alives))
                || !Arrays.equals(pushPullBytes, msgpackCorePushPull(pushPull))) {
            throw new IllegalStateException("msgpack-core and our codec disagree on the bytes");
        }
        System.out.printf("%nbytes: compound of 16 alive = %d, push/pull of 1000 nodes = %d%n", compoundBytes.length,
                pushPullBytes.length);
    }

    @Benchmark
    public Object oursCompound16Alive() {
        byte[] b = PacketCodec.encodePacket(alives, WireOptions.plain());
        return PacketCodec.decodePacket(b, WireOptions.plain());
    }

    @Benchmark
    public Object msgpackCoreCompound16Alive() throws IOException {
        return decodeCompoundWithMsgpackCore(msgpackCoreCompound(alives));
    }

    @Benchmark
    public Object oursPushPull1000() {
        byte[] b = StreamCodec.encodeStream(pushPull, WireOptions.plain());
        return StreamCodec.decodeStream(b, WireOptions.plain());
    }

    @Benchmark
    public Object msgpackCorePushPull1000() throws IOException {
        return decodePushPullWithMsgpackCore(msgpackCorePushPull(pushPull));
    }

    // ---------------------------------------------------------------- msgpack-core doing the same work

    private static MessageBufferPacker packer() {
        return new MessagePack.PackerConfig().withStr8FormatSupport(false).newBufferPacker();
    }

    private static void raw(MessageBufferPacker p, byte[] b) throws IOException {
        if (b == null) {
            p.packNil();
        } else {
            p.packRawStringHeader(b.length);
            p.writePayload(b);
        }
    }

    private static void str(MessageBufferPacker p, String s) throws IOException {
        raw(p, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] msgpackCoreCompound(List<Message> messages) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (Message m : messages) {
            Alive a = (Alive) m;
            MessageBufferPacker p = packer();
            p.writePayload(new byte[] {4});
            p.packMapHeader(6);
            str(p, "Addr");
            raw(p, a.addr());
            str(p, "Incarnation");
            p.packLong(a.incarnation());
            str(p, "Meta");
            raw(p, a.meta());
            str(p, "Node");
            str(p, a.node());
            str(p, "Port");
            p.packLong(a.port());
            str(p, "Vsn");
            raw(p, a.vsn());
            p.close();
            parts.add(p.toByteArray());
        }
        MessageBufferPacker out = packer();
        out.writePayload(new byte[] {7, (byte) parts.size()});
        for (byte[] part : parts) {
            out.writePayload(new byte[] {(byte) (part.length >> 8), (byte) part.length});
        }
        for (byte[] part : parts) {
            out.writePayload(part);
        }
        out.close();
        return out.toByteArray();
    }

    static List<Alive> decodeCompoundWithMsgpackCore(byte[] b) throws IOException {
        int n = b[1] & 0xff;
        int pos = 2 + 2 * n;
        List<Alive> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = ((b[2 + 2 * i] & 0xff) << 8) | (b[3 + 2 * i] & 0xff);
            try (MessageUnpacker u = MessagePack.newDefaultUnpacker(b, pos + 1, len - 1)) {
                long inc = 0;
                String node = "";
                byte[] addr = null;
                byte[] meta = null;
                byte[] vsn = null;
                int port = 0;
                for (int k = 0, m = u.unpackMapHeader(); k < m; k++) {
                    switch (u.unpackString()) {
                        case "Addr" -> addr = bytes(u);
                        case "Incarnation" -> inc = u.unpackLong();
                        case "Meta" -> meta = bytes(u);
                        case "Node" -> node = u.unpackString();
                        case "Port" -> port = u.unpackInt();
                        case "Vsn" -> vsn = bytes(u);
                        default -> u.skipValue();
                    }
                }
                out.add(new Alive(inc, node, addr, port, meta, vsn));
            }
            pos += len;
        }
        return out;
    }

    static byte[] msgpackCorePushPull(PushPull pp) throws IOException {
        MessageBufferPacker p = packer();
        p.writePayload(new byte[] {6});
        p.packMapHeader(3);
        str(p, "Join");
        p.packBoolean(pp.join());
        str(p, "Nodes");
        p.packLong(pp.nodes().size());
        str(p, "UserStateLen");
        p.packLong(pp.userState().length);
        for (PushNodeState s : pp.nodes()) {
            p.packMapHeader(7);
            str(p, "Addr");
            raw(p, s.addr());
            str(p, "Incarnation");
            p.packLong(s.incarnation());
            str(p, "Meta");
            raw(p, s.meta());
            str(p, "Name");
            str(p, s.name());
            str(p, "Port");
            p.packLong(s.port());
            str(p, "State");
            p.packLong(s.state());
            str(p, "Vsn");
            raw(p, s.vsn());
        }
        p.writePayload(pp.userState());
        p.close();
        return p.toByteArray();
    }

    static PushPull decodePushPullWithMsgpackCore(byte[] b) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(b, 1, b.length - 1)) {
            boolean join = false;
            int nodes = 0;
            int userStateLen = 0;
            for (int k = 0, m = u.unpackMapHeader(); k < m; k++) {
                switch (u.unpackString()) {
                    case "Join" -> join = u.unpackBoolean();
                    case "Nodes" -> nodes = u.unpackInt();
                    case "UserStateLen" -> userStateLen = u.unpackInt();
                    default -> u.skipValue();
                }
            }
            List<PushNodeState> states = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                String name = "";
                byte[] addr = null;
                byte[] meta = null;
                byte[] vsn = null;
                int port = 0;
                long inc = 0;
                int state = 0;
                for (int k = 0, m = u.unpackMapHeader(); k < m; k++) {
                    switch (u.unpackString()) {
                        case "Addr" -> addr = bytes(u);
                        case "Incarnation" -> inc = u.unpackLong();
                        case "Meta" -> meta = bytes(u);
                        case "Name" -> name = u.unpackString();
                        case "Port" -> port = u.unpackInt();
                        case "State" -> state = u.unpackInt();
                        case "Vsn" -> vsn = bytes(u);
                        default -> u.skipValue();
                    }
                }
                states.add(new PushNodeState(name, addr, port, meta, inc, state, vsn));
            }
            return new PushPull(join, states, u.readPayload(userStateLen));
        }
    }

    private static byte[] bytes(MessageUnpacker u) throws IOException {
        if (u.getNextFormat() == MessageFormat.NIL) {
            u.unpackNil();
            return null;
        }
        return u.readPayload(u.unpackRawStringHeader());
    }

    /** Sanity check of the comparison: both decoders must return the same records. */
    public static void main(String[] args) throws IOException {
        WireCodecBenchmark b = new WireCodecBenchmark();
        b.setup();
        DecodedPacket ours = (DecodedPacket) b.oursCompound16Alive();
        System.out.println("same compound: " + decodeCompoundWithMsgpackCore(b.compoundBytes)
                .equals(((io.ipkeeper.gossip.internal.wire.CompoundFrame) ours.frame()).parts()));
        System.out.println("same push/pull: " + decodePushPullWithMsgpackCore(b.pushPullBytes).equals(b.pushPull));
    }
}
