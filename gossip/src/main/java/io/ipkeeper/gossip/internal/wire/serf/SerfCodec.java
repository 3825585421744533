package io.ipkeeper.gossip.internal.wire.serf;

import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serf messages inside memberlist user messages ({@code serf/messages.go}): {@code serfType | msgpack struct}.
 * Written like go-msgpack 0.5.x (sorted keys, unsigned Lamport times, raw strings); Go maps (status times, tags)
 * are written with sorted keys, which Serf accepts since it reads them into maps. Read leniently.
 */
public final class SerfCodec {
    /** A relay inside a relay is never sent by Serf; allow a little nesting and refuse more. */
    private static final int MAX_RELAY_DEPTH = 4;

    private SerfCodec() {
    }

    public static byte[] encode(SerfMessage m) {
        MsgpackWriter w = new MsgpackWriter();
        write(w, m);
        return w.toByteArray();
    }

    public static void write(MsgpackWriter w, SerfMessage m) {
        w.writeByte(m.type().code());
        switch (m) {
            case SerfLeave l -> {
                w.writeMapHeader(3);
                w.writeString("LTime").writeUnsigned(l.lTime());
                w.writeString("Node").writeString(l.node());
                w.writeString("Prune").writeBool(l.prune());
            }
            case SerfJoin j -> {
                w.writeMapHeader(2);
                w.writeString("LTime").writeUnsigned(j.lTime());
                w.writeString("Node").writeString(j.node());
            }
            case SerfPushPull p -> writePushPull(w, p);
            case SerfUserEvent e -> {
                w.writeMapHeader(4);
                w.writeString("CC").writeBool(e.cc());
                w.writeString("LTime").writeUnsigned(e.lTime());
                w.writeString("Name").writeString(e.name());
                w.writeString("Payload").writeBytes(e.payload());
            }
            case SerfQuery q -> writeQuery(w, q);
            case SerfQueryResponse r -> {
                w.writeMapHeader(5);
                w.writeString("Flags").writeUnsigned(r.flags());
                w.writeString("From").writeString(r.from());
                w.writeString("ID").writeUnsigned(r.id());
                w.writeString("LTime").writeUnsigned(r.lTime());
                w.writeString("Payload").writeBytes(r.payload());
            }
            case SerfConflictResponse c -> writeMember(w, c.member());
            case SerfKeyRequest k -> w.writeMapHeader(1).writeString("Key").writeBytes(k.key());
            case SerfKeyResponse k -> {
                w.writeMapHeader(k.primaryKey() == null ? 3 : 4);
                w.writeString("Keys");
                writeStrings(w, k.keys());
                w.writeString("Message").writeString(k.message());
                if (k.primaryKey() != null) {
                    w.writeString("PrimaryKey").writeString(k.primaryKey());
                }
                w.writeString("Result").writeBool(k.result());
            }
            case SerfRelay r -> {
                w.writeMapHeader(r.destName() == null ? 1 : 2);
                w.writeString("DestAddr").writeMapHeader(3);
                w.writeString("IP").writeBytes(r.destIp());
                w.writeString("Port").writeSigned(r.destPort());
                w.writeString("Zone").writeString(r.destZone());
                if (r.destName() != null) {
                    w.writeString("DestName").writeString(r.destName());
                }
                write(w, r.inner());
            }
        }
    }

    private static void writePushPull(MsgpackWriter w, SerfPushPull p) {
        w.writeMapHeader(6);
        w.writeString("EventLTime").writeUnsigned(p.eventLTime());
        w.writeString("Events");
        if (p.events() == null) {
            w.writeNil();
        } else {
            w.writeArrayHeader(p.events().size());
            for (UserEventsSlot slot : p.events()) {
                if (slot == null) {
                    w.writeNil();
                    continue;
                }
                w.writeMapHeader(2);
                w.writeString("Events");
                if (slot.events() == null) {
                    w.writeNil();
                } else {
                    w.writeArrayHeader(slot.events().size());
                    for (UserEventEntry e : slot.events()) {
                        w.writeMapHeader(2);
                        w.writeString("Name").writeString(e.name());
                        w.writeString("Payload").writeBytes(e.payload());
                    }
                }
                w.writeString("LTime").writeUnsigned(slot.lTime());
            }
        }
        w.writeString("LTime").writeUnsigned(p.lTime());
        w.writeString("LeftMembers");
        writeStrings(w, p.leftMembers());
        w.writeString("QueryLTime").writeUnsigned(p.queryLTime());
        w.writeString("StatusLTimes").writeMapHeader(p.statusLTimes().size());
        for (Map.Entry<String, Long> e : SerfTags.sortedBytewise(p.statusLTimes()).entrySet()) {
            w.writeString(e.getKey()).writeUnsigned(e.getValue());
        }
    }

    private static void writeQuery(MsgpackWriter w, SerfQuery q) {
        w.writeMapHeader(11);
        w.writeString("Addr").writeBytes(q.addr());
        w.writeString("Filters");
        if (q.filters() == null) {
            w.writeNil();
        } else {
            w.writeArrayHeader(q.filters().size());
            for (byte[] f : q.filters()) {
                w.writeBytes(f);
            }
        }
        w.writeString("Flags").writeUnsigned(q.flags());
        w.writeString("ID").writeUnsigned(q.id());
        w.writeString("LTime").writeUnsigned(q.lTime());
        w.writeString("Name").writeString(q.name());
        w.writeString("Payload").writeBytes(q.payload());
        w.writeString("Port").writeUnsigned(q.port());
        w.writeString("RelayFactor").writeUnsigned(q.relayFactor());
        w.writeString("SourceNode").writeString(q.sourceNode());
        w.writeString("Timeout").writeSigned(q.timeoutNanos());
    }

    private static void writeMember(MsgpackWriter w, SerfMember m) {
        w.writeMapHeader(11);
        w.writeString("Addr").writeBytes(m.addr());
        w.writeString("DelegateCur").writeUnsigned(m.delegateCur());
        w.writeString("DelegateMax").writeUnsigned(m.delegateMax());
        w.writeString("DelegateMin").writeUnsigned(m.delegateMin());
        w.writeString("Name").writeString(m.name());
        w.writeString("Port").writeUnsigned(m.port());
        w.writeString("ProtocolCur").writeUnsigned(m.protocolCur());
        w.writeString("ProtocolMax").writeUnsigned(m.protocolMax());
        w.writeString("ProtocolMin").writeUnsigned(m.protocolMin());
        w.writeString("Status").writeSigned(m.status());
        w.writeString("Tags");
        if (m.tags() == null) {
            w.writeNil();
        } else {
            SerfTags.writeMap(w, m.tags());
        }
    }

    private static void writeStrings(MsgpackWriter w, List<String> list) {
        if (list == null) {
            w.writeNil();
            return;
        }
        w.writeArrayHeader(list.size());
        for (String s : list) {
            w.writeString(s);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Decodes a memberlist user-message payload as a Serf message. */
    public static SerfMessage decode(byte[] payload, String layer) {
        return decode(payload, 0, payload.length, layer, 0);
    }

    private static SerfMessage decode(byte[] buf, int off, int len, String layer, int depth) {
        if (len < 1) {
            throw new WireFormatException(layer, off, "missing serf message type byte");
        }
        int code = buf[off] & 0xff;
        SerfMessageType type = SerfMessageType.ofCode(code);
        if (type == null) {
            throw new WireFormatException(layer, off, "unknown serf message type " + code);
        }
        MsgpackReader r = new MsgpackReader(buf, off + 1, len - 1, layer + ">serf-" + type.wireName());
        return switch (type) {
            case LEAVE -> readLeave(r);
            case JOIN -> readJoin(r);
            case PUSH_PULL -> readPushPull(r);
            case USER_EVENT -> readUserEvent(r);
            case QUERY -> readQuery(r);
            case QUERY_RESPONSE -> readQueryResponse(r);
            case CONFLICT_RESPONSE -> new SerfConflictResponse(readMember(r));
            case KEY_REQUEST -> readKeyRequest(r);
            case KEY_RESPONSE -> readKeyResponse(r);
            case RELAY -> readRelay(r, buf, off + len, layer, depth);
        };
    }

    private static SerfLeave readLeave(MsgpackReader r) {
        long lTime = 0;
        String node = "";
        boolean prune = false;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "LTime" -> lTime = r.readUint64("LTime");
                case "Node" -> node = r.readString();
                case "Prune" -> prune = r.readBool();
                default -> r.skipValue();
            }
        }
        return new SerfLeave(lTime, node, prune);
    }

    private static SerfJoin readJoin(MsgpackReader r) {
        long lTime = 0;
        String node = "";
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "LTime" -> lTime = r.readUint64("LTime");
                case "Node" -> node = r.readString();
                default -> r.skipValue();
            }
        }
        return new SerfJoin(lTime, node);
    }

    private static SerfPushPull readPushPull(MsgpackReader r) {
        long lTime = 0;
        long eventLTime = 0;
        long queryLTime = 0;
        Map<String, Long> status = new LinkedHashMap<>();
        List<String> left = null;
        List<UserEventsSlot> events = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "LTime" -> lTime = r.readUint64("LTime");
                case "EventLTime" -> eventLTime = r.readUint64("EventLTime");
                case "QueryLTime" -> queryLTime = r.readUint64("QueryLTime");
                case "StatusLTimes" -> {
                    status.clear();
                    for (int j = 0, m = r.readMapHeader(); j < m; j++) {
                        String name = r.readString();
                        status.put(name, r.readUint64("StatusLTimes"));
                    }
                }
                case "LeftMembers" -> left = readStrings(r);
                case "Events" -> events = readEventSlots(r);
                default -> r.skipValue();
            }
        }
        return new SerfPushPull(lTime, status, left, eventLTime, events, queryLTime);
    }

    private static List<UserEventsSlot> readEventSlots(MsgpackReader r) {
        int n = r.readArrayHeader();
        if (n < 0) {
            return null;
        }
        List<UserEventsSlot> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (r.tryReadNil()) {
                slots.add(null);
                continue;
            }
            long lTime = 0;
            List<UserEventEntry> entries = null;
            for (int j = 0, m = r.readMapHeader(); j < m; j++) {
                switch (key(r)) {
                    case "LTime" -> lTime = r.readUint64("LTime");
                    case "Events" -> {
                        int k = r.readArrayHeader();
                        entries = k < 0 ? null : new ArrayList<>(k);
                        for (int e = 0; e < k; e++) {
                            entries.add(readEventEntry(r));
                        }
                    }
                    default -> r.skipValue();
                }
            }
            slots.add(new UserEventsSlot(lTime, entries));
        }
        return slots;
    }

    private static UserEventEntry readEventEntry(MsgpackReader r) {
        String name = "";
        byte[] payload = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "Name" -> name = r.readString();
                case "Payload" -> payload = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new UserEventEntry(name, payload);
    }

    private static SerfUserEvent readUserEvent(MsgpackReader r) {
        long lTime = 0;
        String name = "";
        byte[] payload = null;
        boolean cc = false;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "LTime" -> lTime = r.readUint64("LTime");
                case "Name" -> name = r.readString();
                case "Payload" -> payload = r.readBytes();
                case "CC" -> cc = r.readBool();
                default -> r.skipValue();
            }
        }
        return new SerfUserEvent(lTime, name, payload, cc);
    }

    private static SerfQuery readQuery(MsgpackReader r) {
        long lTime = 0;
        long id = 0;
        byte[] addr = null;
        int port = 0;
        String sourceNode = "";
        List<byte[]> filters = null;
        long flags = 0;
        int relayFactor = 0;
        long timeout = 0;
        String name = "";
        byte[] payload = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "LTime" -> lTime = r.readUint64("LTime");
                case "ID" -> id = r.readUint32("ID");
                case "Addr" -> addr = r.readBytes();
                case "Port" -> port = r.readUint16("Port");
                case "SourceNode" -> sourceNode = r.readString();
                case "Filters" -> {
                    int k = r.readArrayHeader();
                    filters = k < 0 ? null : new ArrayList<>(k);
                    for (int f = 0; f < k; f++) {
                        filters.add(r.readBytes());
                    }
                }
                case "Flags" -> flags = r.readUint32("Flags");
                case "RelayFactor" -> relayFactor = r.readUint8("RelayFactor");
                case "Timeout" -> timeout = r.readLong();
                case "Name" -> name = r.readString();
                case "Payload" -> payload = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new SerfQuery(lTime, id, addr, port, sourceNode, filters, flags, relayFactor, timeout, name, payload);
    }

    private static SerfQueryResponse readQueryResponse(MsgpackReader r) {
        long lTime = 0;
        long id = 0;
        String from = "";
        long flags = 0;
        byte[] payload = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "LTime" -> lTime = r.readUint64("LTime");
                case "ID" -> id = r.readUint32("ID");
                case "From" -> from = r.readString();
                case "Flags" -> flags = r.readUint32("Flags");
                case "Payload" -> payload = r.readBytes();
                default -> r.skipValue();
            }
        }
        return new SerfQueryResponse(lTime, id, from, flags, payload);
    }

    private static SerfMember readMember(MsgpackReader r) {
        String name = "";
        byte[] addr = null;
        int port = 0;
        Map<String, String> tags = null;
        int status = 0;
        int[] vsn = new int[6];
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "Name" -> name = r.readString();
                case "Addr" -> addr = r.readBytes();
                case "Port" -> port = r.readUint16("Port");
                case "Tags" -> tags = SerfTags.readMap(r);
                case "Status" -> status = r.readInt("Status");
                case "ProtocolMin" -> vsn[0] = r.readUint8("ProtocolMin");
                case "ProtocolMax" -> vsn[1] = r.readUint8("ProtocolMax");
                case "ProtocolCur" -> vsn[2] = r.readUint8("ProtocolCur");
                case "DelegateMin" -> vsn[3] = r.readUint8("DelegateMin");
                case "DelegateMax" -> vsn[4] = r.readUint8("DelegateMax");
                case "DelegateCur" -> vsn[5] = r.readUint8("DelegateCur");
                default -> r.skipValue();
            }
        }
        return new SerfMember(name, addr, port, tags, status, vsn[0], vsn[1], vsn[2], vsn[3], vsn[4], vsn[5]);
    }

    private static SerfKeyRequest readKeyRequest(MsgpackReader r) {
        byte[] key = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            if (key(r).equals("Key")) {
                key = r.readBytes();
            } else {
                r.skipValue();
            }
        }
        return new SerfKeyRequest(key);
    }

    private static SerfKeyResponse readKeyResponse(MsgpackReader r) {
        boolean result = false;
        String message = "";
        List<String> keys = null;
        String primary = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "Result" -> result = r.readBool();
                case "Message" -> message = r.readString();
                case "Keys" -> keys = readStrings(r);
                case "PrimaryKey" -> primary = r.readString();
                default -> r.skipValue();
            }
        }
        return new SerfKeyResponse(result, message, keys, primary);
    }

    private static SerfRelay readRelay(MsgpackReader r, byte[] buf, int end, String layer, int depth) {
        if (depth >= MAX_RELAY_DEPTH) {
            throw r.error("relay nested deeper than " + MAX_RELAY_DEPTH);
        }
        byte[] ip = null;
        int port = 0;
        String zone = "";
        String destName = null;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (key(r)) {
                case "DestAddr" -> {
                    for (int j = 0, m = r.readMapHeader(); j < m; j++) {
                        switch (key(r)) {
                            case "IP" -> ip = r.readBytes();
                            case "Port" -> port = r.readUint16("Port");
                            case "Zone" -> zone = r.readString();
                            default -> r.skipValue();
                        }
                    }
                }
                case "DestName" -> destName = r.readString();
                default -> r.skipValue();
            }
        }
        int innerAt = r.position();
        SerfMessage inner = decode(buf, innerAt, end - innerAt, layer + ">relay", depth + 1);
        return new SerfRelay(ip, port, zone, destName, inner);
    }

    private static List<String> readStrings(MsgpackReader r) {
        int n = r.readArrayHeader();
        if (n < 0) {
            return null;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.readString());
        }
        return out;
    }

    private static String key(MsgpackReader r) {
        if (!r.nextIsBinary()) {
            throw r.error(String.format("expected a string map key, found format 0x%02x", r.peek()));
        }
        return r.readString();
    }

}
