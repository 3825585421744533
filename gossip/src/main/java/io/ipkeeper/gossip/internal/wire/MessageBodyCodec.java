package io.ipkeeper.gossip.internal.wire;

import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;

/**
 * The msgpack bodies of memberlist's structs ({@code net.go}). Writing follows go-msgpack 0.5.x exactly: keys sorted
 * bytewise, omitempty fields left out when zero, Go ints unsigned. Reading is lenient like Go: keys in any order,
 * unknown keys skipped, missing keys left at their zero value, nil read as zero.
 */
public final class MessageBodyCodec {
    private static final byte[] ADDR = key("Addr");
    private static final byte[] ALGO = key("Algo");
    private static final byte[] BUF = key("Buf");
    private static final byte[] ERROR = key("Error");
    private static final byte[] FROM = key("From");
    private static final byte[] INCARNATION = key("Incarnation");
    private static final byte[] JOIN = key("Join");
    private static final byte[] META = key("Meta");
    private static final byte[] NACK = key("Nack");
    private static final byte[] NAME = key("Name");
    private static final byte[] NODE = key("Node");
    private static final byte[] NODES = key("Nodes");
    private static final byte[] PAYLOAD = key("Payload");
    private static final byte[] PORT = key("Port");
    private static final byte[] SEQ_NO = key("SeqNo");
    private static final byte[] SOURCE_ADDR = key("SourceAddr");
    private static final byte[] SOURCE_NODE = key("SourceNode");
    private static final byte[] SOURCE_PORT = key("SourcePort");
    private static final byte[] STATE = key("State");
    private static final byte[] TARGET = key("Target");
    private static final byte[] USER_MSG_LEN = key("UserMsgLen");
    private static final byte[] USER_STATE_LEN = key("UserStateLen");
    private static final byte[] VSN = key("Vsn");


    private MessageBodyCodec() {
    }

    private static byte[] key(String k) {
        return MsgpackWriter.encodedString(k);
    }

    /** Writes the type byte and the body of a message (user: the raw payload). */
    public static void writeMessage(MsgpackWriter w, Message m) {
        w.writeByte(m.type().code());
        switch (m) {
            case Ping p -> writePing(w, p);
            case IndirectPing p -> writeIndirectPing(w, p);
            case Ack a -> {
                w.writeMapHeader(2);
                w.writeRawPayload(PAYLOAD).writeBytes(a.payload());
                w.writeRawPayload(SEQ_NO).writeUnsigned(a.seqNo());
            }
            case Nack n -> w.writeMapHeader(1).writeRawPayload(SEQ_NO).writeUnsigned(n.seqNo());
            case Suspect s -> writeAccusation(w, s.from(), s.incarnation(), s.node());
            case Dead d -> writeAccusation(w, d.from(), d.incarnation(), d.node());
            case Alive a -> writeAlive(w, a);
            case UserMessage u -> w.writeRawPayload(u.payload());
            case ErrorResponse e -> w.writeMapHeader(1).writeRawPayload(ERROR).writeString(e.error());
        }
    }

    private static void writePing(MsgpackWriter w, Ping p) {
        boolean addr = p.sourceAddr() != null;
        boolean node = !p.sourceNode().isEmpty();
        boolean port = p.sourcePort() != 0;
        w.writeMapHeader(2 + (addr ? 1 : 0) + (node ? 1 : 0) + (port ? 1 : 0));
        w.writeRawPayload(NODE).writeString(p.node());
        w.writeRawPayload(SEQ_NO).writeUnsigned(p.seqNo());
        writeSource(w, p.sourceAddr(), p.sourceNode(), p.sourcePort());
    }

    private static void writeIndirectPing(MsgpackWriter w, IndirectPing p) {
        boolean addr = p.sourceAddr() != null;
        boolean node = !p.sourceNode().isEmpty();
        boolean port = p.sourcePort() != 0;
        w.writeMapHeader(5 + (addr ? 1 : 0) + (node ? 1 : 0) + (port ? 1 : 0));
        w.writeRawPayload(NACK).writeBool(p.nack());
        w.writeRawPayload(NODE).writeString(p.node());
        w.writeRawPayload(PORT).writeUnsigned(p.port());
        w.writeRawPayload(SEQ_NO).writeUnsigned(p.seqNo());
        writeSource(w, p.sourceAddr(), p.sourceNode(), p.sourcePort());
        w.writeRawPayload(TARGET).writeBytes(p.target());
    }

    private static void writeSource(MsgpackWriter w, byte[] addr, String node, int port) {
        if (addr != null) {
            w.writeRawPayload(SOURCE_ADDR).writeBytes(addr);
        }
        if (!node.isEmpty()) {
            w.writeRawPayload(SOURCE_NODE).writeString(node);
        }
        if (port != 0) {
            w.writeRawPayload(SOURCE_PORT).writeUnsigned(port);
        }
    }

    private static void writeAccusation(MsgpackWriter w, String from, long incarnation, String node) {
        w.writeMapHeader(3);
        w.writeRawPayload(FROM).writeString(from);
        w.writeRawPayload(INCARNATION).writeUnsigned(incarnation);
        w.writeRawPayload(NODE).writeString(node);
    }

    private static void writeAlive(MsgpackWriter w, Alive a) {
        w.writeMapHeader(6);
        w.writeRawPayload(ADDR).writeBytes(a.addr());
        w.writeRawPayload(INCARNATION).writeUnsigned(a.incarnation());
        w.writeRawPayload(META).writeBytes(a.meta());
        w.writeRawPayload(NODE).writeString(a.node());
        w.writeRawPayload(PORT).writeUnsigned(a.port());
        w.writeRawPayload(VSN).writeBytes(a.vsn());
    }

    public static void writePushNodeState(MsgpackWriter w, PushNodeState s) {
        w.writeMapHeader(7);
        w.writeRawPayload(ADDR).writeBytes(s.addr());
        w.writeRawPayload(INCARNATION).writeUnsigned(s.incarnation());
        w.writeRawPayload(META).writeBytes(s.meta());
        w.writeRawPayload(NAME).writeString(s.name());
        w.writeRawPayload(PORT).writeUnsigned(s.port());
        w.writeRawPayload(STATE).writeSigned(s.state());
        w.writeRawPayload(VSN).writeBytes(s.vsn());
    }

    public static void writePushPullHeader(MsgpackWriter w, PushPullHeader h) {
        w.writeMapHeader(3);
        w.writeRawPayload(JOIN).writeBool(h.join());
        w.writeRawPayload(NODES).writeSigned(h.nodes());
        w.writeRawPayload(USER_STATE_LEN).writeSigned(h.userStateLen());
    }

    public static void writeUserMsgHeader(MsgpackWriter w, UserMsgHeader h) {
        w.writeMapHeader(1).writeRawPayload(USER_MSG_LEN).writeSigned(h.userMsgLen());
    }

    /** The {@code compress} struct: {@code {Algo, Buf}}. */
    public static void writeCompress(MsgpackWriter w, int algo, byte[] buf, int off, int len) {
        w.writeMapHeader(2);
        w.writeRawPayload(ALGO).writeUnsigned(algo);
        w.writeRawPayload(BUF).writeRawHeader(len).writeRawPayload(buf, off, len);
    }

    // ---------------------------------------------------------------- reading

    /** Reads the body of a message whose type byte was already consumed; user payloads are the remaining bytes. */
    public static Message readMessage(MessageType type, MsgpackReader r) {
        return switch (type) {
            case PING -> readPing(r);
            case INDIRECT_PING -> readIndirectPing(r);
            case ACK -> readAck(r);
            case NACK -> readNack(r);
            case SUSPECT -> readSuspect(r);
            case ALIVE -> readAlive(r);
            case DEAD -> readDead(r);
            case USER -> new UserMessage(r.readRawPayload(r.remaining()));
            case ERR -> readError(r);
            default -> throw r.error("message type " + type.wireName() + " has no plain body");
        };
    }

    public static Ping readPing(MsgpackReader r) {
        long seqNo = 0;
        String node = "";
        byte[] sourceAddr = null;
        int sourcePort = 0;
        String sourceNode = "";
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "SeqNo" -> seqNo = r.readUint32("SeqNo");
                case "Node" -> node = r.readString();
                case "SourceAddr" -> sourceAddr = r.readBytes();
                case "SourcePort" -> sourcePort = r.readUint16("SourcePort");
                case "SourceNode" -> sourceNode = r.readString();
                default -> r.skipValue();
            }
        }
        return new Ping(seqNo, node, sourceAddr, sourcePort, sourceNode);
    }

    public static IndirectPing readIndirectPing(MsgpackReader r) {
        long seqNo = 0;
        byte[] target = null;
        int port = 0;
        String node = "";
        boolean nack = false;
        byte[] sourceAddr = null;
        int sourcePort = 0;
        String sourceNode = "";
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "SeqNo" -> seqNo = r.readUint32("SeqNo");
                case "Target" -> target = r.readBytes();
                case "Port" -> port = r.readUint16("Port");
                case "Node" -> node = r.readString();
                case "Nack" -> nack = r.readBool();
                case "SourceAddr" -> sourceAddr = r.readBytes();
                case "SourcePort" -> sourcePort = r.readUint16("SourcePort");
                case "SourceNode" -> sourceNode = r.readString();
                default -> r.skipValue();
            }
        }
        return new IndirectPing(seqNo, target, port, node, nack, sourceAddr, sourcePort, sourceNode);
    }

    public static Ack readAck(MsgpackReader r) {
        long seqNo = 0;
        byte[] payload = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "SeqNo" -> seqNo = r.readUint32("SeqNo");
                case "Payload" -> payload = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new Ack(seqNo, payload);
    }

    public static Nack readNack(MsgpackReader r) {
        long seqNo = 0;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            if (readKey(r).equals("SeqNo")) {
                seqNo = r.readUint32("SeqNo");
            } else {
                r.skipValue();
            }
        }
        return new Nack(seqNo);
    }

    public static Suspect readSuspect(MsgpackReader r) {
        Accusation a = readAccusation(r);
        return new Suspect(a.incarnation, a.node, a.from);
    }

    public static Dead readDead(MsgpackReader r) {
        Accusation a = readAccusation(r);
        return new Dead(a.incarnation, a.node, a.from);
    }

    private record Accusation(long incarnation, String node, String from) {
    }

    private static Accusation readAccusation(MsgpackReader r) {
        long incarnation = 0;
        String node = "";
        String from = "";
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "Incarnation" -> incarnation = r.readUint32("Incarnation");
                case "Node" -> node = r.readString();
                case "From" -> from = r.readString();
                default -> r.skipValue();
            }
        }
        return new Accusation(incarnation, node, from);
    }

    public static Alive readAlive(MsgpackReader r) {
        long incarnation = 0;
        String node = "";
        byte[] addr = null;
        int port = 0;
        byte[] meta = null;
        byte[] vsn = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "Incarnation" -> incarnation = r.readUint32("Incarnation");
                case "Node" -> node = r.readString();
                case "Addr" -> addr = r.readBytes();
                case "Port" -> port = r.readUint16("Port");
                case "Meta" -> meta = r.readBytes();
                case "Vsn" -> vsn = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new Alive(incarnation, node, addr, port, meta, vsn);
    }

    public static ErrorResponse readError(MsgpackReader r) {
        String error = "";
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            if (readKey(r).equals("Error")) {
                error = r.readString();
            } else {
                r.skipValue();
            }
        }
        return new ErrorResponse(error);
    }

    public static PushNodeState readPushNodeState(MsgpackReader r) {
        String name = "";
        byte[] addr = null;
        int port = 0;
        byte[] meta = null;
        long incarnation = 0;
        int state = 0;
        byte[] vsn = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "Name" -> name = r.readString();
                case "Addr" -> addr = r.readBytes();
                case "Port" -> port = r.readUint16("Port");
                case "Meta" -> meta = r.readBytes();
                case "Incarnation" -> incarnation = r.readUint32("Incarnation");
                case "State" -> state = r.readInt("State");
                case "Vsn" -> vsn = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new PushNodeState(name, addr, port, meta, incarnation, state, vsn);
    }

    public static PushPullHeader readPushPullHeader(MsgpackReader r) {
        boolean join = false;
        int nodes = 0;
        int userStateLen = 0;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "Join" -> join = r.readBool();
                case "Nodes" -> nodes = r.readInt("Nodes");
                case "UserStateLen" -> userStateLen = r.readInt("UserStateLen");
                default -> r.skipValue();
            }
        }
        return new PushPullHeader(join, nodes, userStateLen);
    }

    public static UserMsgHeader readUserMsgHeader(MsgpackReader r) {
        int len = 0;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            if (readKey(r).equals("UserMsgLen")) {
                len = r.readInt("UserMsgLen");
            } else {
                r.skipValue();
            }
        }
        return new UserMsgHeader(len);
    }

    /** The {@code compress} struct as read: the algorithm and the compressed bytes. */
    public record CompressStruct(int algo, byte[] buf) {
    }

    public static CompressStruct readCompress(MsgpackReader r) {
        int algo = 0;
        byte[] buf = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (readKey(r)) {
                case "Algo" -> algo = r.readUint8("Algo");
                case "Buf" -> buf = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new CompressStruct(algo, buf == null ? new byte[0] : buf);
    }

    /** Struct keys are strings; Go refuses other key types when decoding into a struct. */
    static String readKey(MsgpackReader r) {
        if (!r.nextIsBinary()) {
            throw r.error(String.format("expected a string map key, found format 0x%02x", r.peek()));
        }
        return r.readString();
    }

}
