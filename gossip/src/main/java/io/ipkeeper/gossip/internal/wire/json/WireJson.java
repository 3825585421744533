package io.ipkeeper.gossip.internal.wire.json;

import static io.ipkeeper.gossip.internal.wire.json.JsonValues.address;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.bytes;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.hex;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.object;

import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.CompoundFrame;
import io.ipkeeper.gossip.internal.wire.CompressedFrame;
import io.ipkeeper.gossip.internal.wire.CrcFrame;
import io.ipkeeper.gossip.internal.wire.Dead;
import io.ipkeeper.gossip.internal.wire.DigestRecords;
import io.ipkeeper.gossip.internal.wire.DigestReply;
import io.ipkeeper.gossip.internal.wire.DigestRequest;
import io.ipkeeper.gossip.internal.wire.DecodedPacket;
import io.ipkeeper.gossip.internal.wire.DecodedStream;
import io.ipkeeper.gossip.internal.wire.EncryptionInfo;
import io.ipkeeper.gossip.internal.wire.ErrorResponse;
import io.ipkeeper.gossip.internal.wire.Frame;
import io.ipkeeper.gossip.internal.wire.IndirectPing;
import io.ipkeeper.gossip.internal.wire.MessageType;
import io.ipkeeper.gossip.internal.wire.Nack;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamMessage;
import io.ipkeeper.gossip.internal.wire.Suspect;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decoded packets and streams as JSON trees (maps and lists) in the shape of the {@code decoded} field of the
 * captured test vectors: memberlist bodies keyed by Go field names, byte strings as {@code {"$bytes": hex, …}}
 * with an {@code ip}, version list or Serf tags where they mean something, and Serf messages decoded inside user
 * messages and push/pull user state.
 */
public final class WireJson {
    private static final List<String> STATE_NAMES = List.of("alive", "suspect", "dead", "left");

    private WireJson() {
    }

    public static Map<String, Object> packet(DecodedPacket p) {
        Map<String, Object> out = object();
        if (!p.label().isEmpty()) {
            out.put("label", p.label());
        }
        if (p.encryption() != null) {
            out.put("encrypted", encryption(p.encryption()));
        }
        out.put("message", frame(p.frame()));
        return out;
    }

    public static Map<String, Object> stream(DecodedStream s) {
        Map<String, Object> out = object();
        if (!s.label().isEmpty()) {
            out.put("label", s.label());
        }
        if (s.encryptedLength() >= 0) {
            Map<String, Object> h = object();
            h.put("type", MessageType.ENCRYPT.code());
            h.put("length", s.encryptedLength());
            out.put("encrypt_header", h);
        }
        if (s.encryption() != null) {
            out.put("encrypted", encryption(s.encryption()));
        }
        if (s.compressedLength() >= 0) {
            Map<String, Object> c = object();
            c.put("algo", CompressedFrame.LZW);
            c.put("compressed_len", s.compressedLength());
            out.put("compressed", c);
        }
        StreamMessage m = s.message();
        out.put("type", m.type().code());
        out.put("name", m.type().wireName());
        switch (m) {
            case PushPull p -> pushPull(out, p);
            case UserMessage u -> {
                Map<String, Object> h = object();
                h.put("UserMsgLen", u.payload().length);
                out.put("header", h);
                user(out, u);
            }
            case Ping p -> out.put("body", ping(p));
            case Ack a -> out.put("body", ack(a));
            case ErrorResponse e -> out.put("body", Map.of("Error", e.error()));
            case DigestRequest d -> {
                Map<String, Object> b = object();
                b.put("Buckets", d.buckets());
                b.put("Count", d.count());
                b.put("Root", Long.toUnsignedString(d.root(), 16));
                out.put("body", b);
            }
            case DigestReply d -> {
                Map<String, Object> b = object();
                b.put("Buckets", d.buckets());
                b.put("Count", d.count());
                b.put("InSync", d.inSync());
                b.put("Hashes", d.hashes().length);
                out.put("body", b);
            }
            case DigestRecords d -> {
                Map<String, Object> b = object();
                b.put("Buckets", d.buckets());
                b.put("From", d.from());
                b.put("Marked", d.marked().stream().boxed().toList());
                List<Object> nodes = new ArrayList<>();
                for (PushNodeState n : d.records()) {
                    nodes.add(nodeState(n));
                }
                b.put("Records", nodes);
                out.put("body", b);
            }
        }
        if (s.trailingBytes() > 0) {
            out.put("trailing_bytes", s.trailingBytes());
        }
        return out;
    }

    private static Map<String, Object> encryption(EncryptionInfo e) {
        Map<String, Object> m = object();
        m.put("encryption_version", e.version());
        m.put("nonce", e.nonceHex());
        return m;
    }

    public static Map<String, Object> frame(Frame f) {
        Map<String, Object> out = object();
        out.put("type", f.type().code());
        out.put("name", f.type().wireName());
        switch (f) {
            case CompoundFrame c -> {
                out.put("count", c.declaredLengths().size());
                out.put("lengths", c.declaredLengths());
                List<Object> parts = new ArrayList<>();
                for (Frame part : c.parts()) {
                    parts.add(frame(part));
                }
                out.put("parts", parts);
                if (c.truncated() > 0) {
                    out.put("truncated", c.truncated());
                }
            }
            case CrcFrame c -> {
                out.put("crc32", String.format("%08x", c.crc32()));
                out.put("crc_ok", true); // the decoder refuses mismatches
                out.put("inner", frame(c.inner()));
            }
            case CompressedFrame c -> {
                out.put("algo", c.algo());
                out.put("compressed_len", c.compressedLength());
                out.put("inner", frame(c.inner()));
            }
            case UserMessage u -> user(out, u);
            case Ping p -> out.put("body", ping(p));
            case IndirectPing p -> out.put("body", indirectPing(p));
            case Ack a -> out.put("body", ack(a));
            case Nack n -> out.put("body", Map.of("SeqNo", n.seqNo()));
            case Suspect s -> out.put("body", accusation(s.from(), s.incarnation(), s.node()));
            case Dead d -> out.put("body", accusation(d.from(), d.incarnation(), d.node()));
            case Alive a -> out.put("body", alive(a));
            case ErrorResponse e -> out.put("body", Map.of("Error", e.error()));
        }
        return out;
    }

    private static void user(Map<String, Object> out, UserMessage u) {
        out.put("len", u.payload().length);
        out.put("payload_hex", hex(u.payload()));
        Map<String, Object> serf = SerfJson.tryRender(u.payload(), "user");
        if (serf != null) {
            out.put("serf", serf);
        }
    }

    private static void pushPull(Map<String, Object> out, PushPull p) {
        Map<String, Object> h = object();
        h.put("Join", p.join());
        h.put("Nodes", p.nodes().size());
        h.put("UserStateLen", p.userState().length);
        out.put("header", h);
        List<Object> nodes = new ArrayList<>();
        for (PushNodeState s : p.nodes()) {
            nodes.add(nodeState(s));
        }
        out.put("nodes", nodes);
        out.put("user_state_len", p.userState().length);
        if (p.userState().length > 0) {
            Map<String, Object> serf = SerfJson.tryRender(p.userState(), "user_state");
            if (serf != null) {
                out.put("user_state", serf);
            } else {
                out.put("user_state_hex", hex(p.userState()));
            }
        }
    }

    private static Map<String, Object> ping(Ping p) {
        Map<String, Object> b = object();
        b.put("Node", p.node());
        b.put("SeqNo", p.seqNo());
        source(b, p.sourceAddr(), p.sourceNode(), p.sourcePort());
        return b;
    }

    private static Map<String, Object> indirectPing(IndirectPing p) {
        Map<String, Object> b = object();
        b.put("Nack", p.nack());
        b.put("Node", p.node());
        b.put("Port", p.port());
        b.put("SeqNo", p.seqNo());
        source(b, p.sourceAddr(), p.sourceNode(), p.sourcePort());
        b.put("Target", address(p.target()));
        return b;
    }

    /** The omitempty source fields appear only when they were on the wire. */
    private static void source(Map<String, Object> b, byte[] addr, String node, int port) {
        if (addr != null) {
            b.put("SourceAddr", address(addr));
        }
        if (!node.isEmpty()) {
            b.put("SourceNode", node);
        }
        if (port != 0) {
            b.put("SourcePort", port);
        }
    }

    private static Map<String, Object> ack(Ack a) {
        Map<String, Object> b = object();
        b.put("Payload", bytes(a.payload()));
        b.put("SeqNo", a.seqNo());
        return b;
    }

    private static Map<String, Object> accusation(String from, long incarnation, String node) {
        Map<String, Object> b = object();
        b.put("From", from);
        b.put("Incarnation", incarnation);
        b.put("Node", node);
        return b;
    }

    private static Map<String, Object> alive(Alive a) {
        Map<String, Object> b = object();
        b.put("Addr", address(a.addr()));
        b.put("Incarnation", a.incarnation());
        b.put("Meta", meta(a.meta()));
        b.put("Node", a.node());
        b.put("Port", a.port());
        b.put("Vsn", vsn(a.vsn()));
        return b;
    }

    private static Map<String, Object> nodeState(PushNodeState s) {
        Map<String, Object> b = object();
        b.put("Addr", address(s.addr()));
        b.put("Incarnation", s.incarnation());
        b.put("Meta", meta(s.meta()));
        b.put("Name", s.name());
        b.put("Port", s.port());
        b.put("State", s.state());
        b.put("Vsn", vsn(s.vsn()));
        b.put("State_name", s.state() >= 0 && s.state() < STATE_NAMES.size() ? STATE_NAMES.get(s.state()) : "unknown");
        return b;
    }

    private static Object meta(byte[] meta) {
        if (meta == null) {
            return null;
        }
        Map<String, Object> m = object();
        m.put("$bytes", hex(meta));
        if (SerfTags.isTagMeta(meta)) {
            try {
                m.put("serf_tags", SerfTags.decodeStrict(meta));
            } catch (WireFormatException e) {
                // not readable as tags: the bytes alone are shown
            }
        }
        return m;
    }

    private static Object vsn(byte[] vsn) {
        if (vsn == null) {
            return null;
        }
        Map<String, Object> m = object();
        m.put("$bytes", hex(vsn));
        if (vsn.length == 6) {
            List<Integer> v = new ArrayList<>(6);
            for (byte b : vsn) {
                v.add(b & 0xff);
            }
            m.put("pmin,pmax,pcur,dmin,dmax,dcur", v);
        }
        return m;
    }
}
