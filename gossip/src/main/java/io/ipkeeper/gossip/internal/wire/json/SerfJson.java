package io.ipkeeper.gossip.internal.wire.json;

import static io.ipkeeper.gossip.internal.wire.json.JsonValues.address;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.bytes;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.object;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.textOrBytes;
import static io.ipkeeper.gossip.internal.wire.json.JsonValues.unsigned;

import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.serf.SerfCodec;
import io.ipkeeper.gossip.internal.wire.serf.SerfConflictResponse;
import io.ipkeeper.gossip.internal.wire.serf.SerfJoin;
import io.ipkeeper.gossip.internal.wire.serf.SerfKeyRequest;
import io.ipkeeper.gossip.internal.wire.serf.SerfKeyResponse;
import io.ipkeeper.gossip.internal.wire.serf.SerfLeave;
import io.ipkeeper.gossip.internal.wire.serf.SerfMember;
import io.ipkeeper.gossip.internal.wire.serf.SerfMessage;
import io.ipkeeper.gossip.internal.wire.serf.SerfPushPull;
import io.ipkeeper.gossip.internal.wire.serf.SerfQuery;
import io.ipkeeper.gossip.internal.wire.serf.SerfQueryResponse;
import io.ipkeeper.gossip.internal.wire.serf.SerfRelay;
import io.ipkeeper.gossip.internal.wire.serf.SerfUserEvent;
import io.ipkeeper.gossip.internal.wire.serf.UserEventEntry;
import io.ipkeeper.gossip.internal.wire.serf.UserEventsSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Serf messages as JSON: {@code {serf_type, serf_name, body}} with the body keyed by the Go field names. */
final class SerfJson {
    private SerfJson() {
    }

    /** The Serf rendering of a user payload, or null when it is not a Serf message we can read. */
    static Map<String, Object> tryRender(byte[] payload, String layer) {
        try {
            return render(SerfCodec.decode(payload, layer));
        } catch (WireFormatException e) {
            return null;
        }
    }

    static Map<String, Object> render(SerfMessage m) {
        Map<String, Object> out = object();
        out.put("serf_type", m.type().code());
        out.put("serf_name", m.type().wireName());
        out.put("body", body(m));
        return out;
    }

    private static Map<String, Object> body(SerfMessage m) {
        Map<String, Object> b = object();
        switch (m) {
            case SerfLeave l -> {
                b.put("LTime", unsigned(l.lTime()));
                b.put("Node", l.node());
                b.put("Prune", l.prune());
            }
            case SerfJoin j -> {
                b.put("LTime", unsigned(j.lTime()));
                b.put("Node", j.node());
            }
            case SerfPushPull p -> {
                b.put("EventLTime", unsigned(p.eventLTime()));
                b.put("Events", p.events() == null ? null : slots(p.events()));
                b.put("LTime", unsigned(p.lTime()));
                b.put("LeftMembers", p.leftMembers());
                b.put("QueryLTime", unsigned(p.queryLTime()));
                Map<String, Object> status = object();
                p.statusLTimes().forEach((k, v) -> status.put(k, unsigned(v)));
                b.put("StatusLTimes", status);
            }
            case SerfUserEvent e -> {
                b.put("CC", e.cc());
                b.put("LTime", unsigned(e.lTime()));
                b.put("Name", e.name());
                b.put("Payload", textOrBytes(e.payload()));
            }
            case SerfQuery q -> {
                b.put("Addr", address(q.addr()));
                b.put("Filters", q.filters() == null ? null : q.filters().stream().map(JsonValues::bytes).toList());
                b.put("Flags", q.flags());
                b.put("ID", q.id());
                b.put("LTime", unsigned(q.lTime()));
                b.put("Name", q.name());
                b.put("Payload", textOrBytes(q.payload()));
                b.put("Port", q.port());
                b.put("RelayFactor", q.relayFactor());
                b.put("SourceNode", q.sourceNode());
                b.put("Timeout", q.timeoutNanos());
            }
            case SerfQueryResponse r -> {
                b.put("Flags", r.flags());
                b.put("From", r.from());
                b.put("ID", r.id());
                b.put("LTime", unsigned(r.lTime()));
                b.put("Payload", textOrBytes(r.payload()));
            }
            case SerfConflictResponse c -> member(b, c.member());
            case SerfKeyRequest k -> b.put("Key", bytes(k.key()));
            case SerfKeyResponse k -> {
                b.put("Keys", k.keys());
                b.put("Message", k.message());
                if (k.primaryKey() != null) {
                    b.put("PrimaryKey", k.primaryKey());
                }
                b.put("Result", k.result());
            }
            case SerfRelay r -> {
                Map<String, Object> dest = object();
                dest.put("IP", address(r.destIp()));
                dest.put("Port", r.destPort());
                dest.put("Zone", r.destZone());
                b.put("DestAddr", dest);
                if (r.destName() != null) {
                    b.put("DestName", r.destName());
                }
                b.put("inner", render(r.inner()));
            }
        }
        return b;
    }

    private static void member(Map<String, Object> b, SerfMember m) {
        b.put("Addr", address(m.addr()));
        b.put("DelegateCur", m.delegateCur());
        b.put("DelegateMax", m.delegateMax());
        b.put("DelegateMin", m.delegateMin());
        b.put("Name", m.name());
        b.put("Port", m.port());
        b.put("ProtocolCur", m.protocolCur());
        b.put("ProtocolMax", m.protocolMax());
        b.put("ProtocolMin", m.protocolMin());
        b.put("Status", m.status());
        b.put("Tags", m.tags());
    }

    private static List<Object> slots(List<UserEventsSlot> slots) {
        List<Object> out = new ArrayList<>(slots.size());
        for (UserEventsSlot s : slots) {
            if (s == null) {
                out.add(null);
                continue;
            }
            Map<String, Object> slot = object();
            slot.put("LTime", unsigned(s.lTime()));
            if (s.events() == null) {
                slot.put("Events", null);
            } else {
                List<Object> events = new ArrayList<>();
                for (UserEventEntry e : s.events()) {
                    Map<String, Object> ev = object();
                    ev.put("Name", e.name());
                    ev.put("Payload", textOrBytes(e.payload()));
                    events.add(ev);
                }
                slot.put("Events", events);
            }
            out.add(slot);
        }
        return out;
    }
}
