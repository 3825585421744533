package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.serf.SerfCodec;
import io.ipkeeper.gossip.internal.wire.serf.SerfJoin;
import io.ipkeeper.gossip.internal.wire.serf.SerfLeave;
import io.ipkeeper.gossip.internal.wire.serf.SerfMessage;
import io.ipkeeper.gossip.internal.wire.serf.SerfPushPull;
import io.ipkeeper.gossip.internal.wire.serf.SerfUserEvent;
import io.ipkeeper.gossip.serf.SerfDelegate;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's hooks, printing what the Go peer prints: {@code join}/{@code leave}/{@code update} per member event,
 * {@code user_msg} per user message (with the decoded Serf fields under {@code -serf}), {@code remote_state} per
 * push/pull state received. With {@code -serf} the Serf layer ({@link SerfDelegate}) does the protocol work.
 */
final class PeerDelegate implements Delegate, MembershipListener {
    private final byte[] meta;
    private final SerfDelegate serf;
    private final JsonLines out;

    /** @param serf the Serf layer, or null for a plain memberlist node */
    PeerDelegate(byte[] meta, SerfDelegate serf, JsonLines out) {
        this.meta = meta.clone();
        this.serf = serf;
        this.out = out;
    }

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.length <= limit ? meta.clone() : new byte[0];
    }

    @Override
    public void notifyMessage(byte[] message) {
        Map<String, Object> f = new TreeMap<>();
        f.put("len", message.length);
        f.put("hex", HexFormat.of().formatHex(message));
        if (message.length > 0) {
            f.put("first_byte", message[0] & 0xff);
        }
        boolean described = serf != null && describeSerf(message, f);
        if (!described) {
            String text = utf8(message);
            if (text != null) {
                f.put("text", text);
            }
        }
        out.emit("user_msg", f);
    }

    /** Decodes a Serf message into {@code f} and lets the Serf layer handle it; false if it is not one. */
    private boolean describeSerf(byte[] b, Map<String, Object> f) {
        if (b.length < 2) {
            return false;
        }
        SerfMessage m;
        try {
            m = SerfCodec.decode(b, "serf");
        } catch (WireFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
            int type = b[0] & 0xff;
            // As the Go peer: a broken intent or event is not Serf; any other type is shown by its number alone.
            return type != 0 && type != 1 && type != 3 && putType(b, f);
        }
        boolean first = serf.receive(b);
        f.put("serf_type", b[0] & 0xff);
        switch (m) {
            case SerfLeave l -> {
                f.put("serf", "leave");
                f.put("node", l.node());
                f.put("ltime", l.lTime());
                f.put("first", first);
            }
            case SerfJoin j -> {
                f.put("serf", "join");
                f.put("node", j.node());
                f.put("ltime", j.lTime());
                f.put("first", first);
            }
            case SerfUserEvent e -> {
                f.put("serf", "user_event");
                f.put("name", e.name());
                f.put("ltime", e.lTime());
                f.put("first", first);
                f.put("payload", e.payload() == null ? "" : new String(e.payload(), StandardCharsets.UTF_8));
                f.put("cc", e.cc());
            }
            default -> { } // queries and the rest: the type is enough
        }
        return true;
    }

    private static boolean putType(byte[] b, Map<String, Object> f) {
        f.put("serf_type", b[0] & 0xff);
        return true;
    }

    @Override
    public List<byte[]> broadcasts(int overhead, int limit) {
        return serf == null ? List.of() : serf.broadcasts(overhead, limit);
    }

    @Override
    public byte[] localState(boolean join) {
        return serf == null ? new byte[0] : serf.localState(join);
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        Map<String, Object> f = new TreeMap<>();
        f.put("len", state.length);
        f.put("join", join);
        if (serf != null && state.length > 1 && state[0] == 2) {
            try {
                if (SerfCodec.decode(state, "serf-state") instanceof SerfPushPull pp) {
                    f.put("serf_ltime", pp.lTime());
                    f.put("serf_event_ltime", pp.eventLTime());
                }
            } catch (WireFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
                // not Serf's state after all: printed without the Serf fields, as the Go peer does
            }
            serf.mergeRemoteState(state, join);
        }
        out.emit("remote_state", f);
    }

    @Override
    public void onJoin(Member member) {
        out.emit("join", NodeJson.of(member));
        if (serf != null) {
            serf.onJoin(member);
        }
    }

    @Override
    public void onLeave(Member member) {
        out.emit("leave", NodeJson.of(member));
        if (serf != null) {
            serf.onLeave(member);
        }
    }

    @Override
    public void onUpdate(Member member) {
        out.emit("update", NodeJson.of(member));
        if (serf != null) {
            serf.onUpdate(member);
        }
    }

    /** The bytes as text if they are valid UTF-8, else null. */
    static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
