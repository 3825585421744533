package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.internal.state.NodeSnapshot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Conversions between the state machine's snapshots and the public {@link Member}. */
final class Members {
    private Members() {}

    static Member toMember(NodeSnapshot s) {
        byte[] v = s.vsn();
        Member.Versions versions = v == null || v.length < 6 ? Member.Versions.UNKNOWN
                : new Member.Versions(v[0] & 0xff, v[1] & 0xff, v[2] & 0xff, v[3] & 0xff, v[4] & 0xff, v[5] & 0xff);
        return new Member(s.name(), inetAddress(s.addr()), s.port(), s.meta(), switch (s.status()) {
            case ALIVE -> MemberState.ALIVE;
            case SUSPECT -> MemberState.SUSPECT;
            case DEAD -> MemberState.DEAD;
            case LEFT -> MemberState.LEFT;
        }, s.incarnation(), versions);
    }

    /** The address for 4 or 16 raw bytes; null for anything else (a peer sent garbage). */
    static InetAddress inetAddress(byte[] addr) {
        if (addr == null || (addr.length != 4 && addr.length != 16)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(addr);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Where to send packets to a node; null when its address is unusable. */
    static InetSocketAddress socketAddress(byte[] addr, int port) {
        InetAddress a = inetAddress(addr);
        return a == null ? null : new InetSocketAddress(a, port);
    }

    /** The node's PMax from its Vsn (0 when unknown: then no version-gated feature is used). */
    static int protocolMax(byte[] vsn) {
        return vsn == null || vsn.length < 2 ? 0 : vsn[1] & 0xff;
    }
}
