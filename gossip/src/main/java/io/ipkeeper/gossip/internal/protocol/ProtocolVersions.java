package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.internal.state.NodeSnapshot;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import java.util.List;

/**
 * memberlist {@code verifyProtocol} (spec §1.10), run before every push/pull merge: over all alive nodes of both
 * views, every node's current protocol and delegate versions must lie in the intersection of all ranges, otherwise
 * the merge (and a join) is refused. Nodes without a full 6-byte Vsn are left out.
 */
final class ProtocolVersions {
    private int maxPMin;
    private int minPMax = Integer.MAX_VALUE;
    private int maxDMin;
    private int minDMax = Integer.MAX_VALUE;

    private ProtocolVersions() {}

    /** @return null when compatible, else the reason */
    static String check(List<NodeSnapshot> local, List<PushNodeState> remote) {
        ProtocolVersions v = new ProtocolVersions();
        for (NodeSnapshot s : local) {
            if (s.status() == NodeStatus.ALIVE) {
                v.widen(s.vsn());
            }
        }
        for (PushNodeState r : remote) {
            if (r.state() == PushNodeState.ALIVE) {
                v.widen(r.vsn());
            }
        }
        for (NodeSnapshot s : local) {
            String bad = s.status() == NodeStatus.ALIVE ? v.verify(s.name(), s.vsn()) : null;
            if (bad != null) {
                return bad;
            }
        }
        for (PushNodeState r : remote) {
            String bad = r.state() == PushNodeState.ALIVE ? v.verify(r.name(), r.vsn()) : null;
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private void widen(byte[] vsn) {
        if (vsn == null || vsn.length < 6) {
            return;
        }
        maxPMin = Math.max(maxPMin, vsn[0] & 0xff);
        minPMax = Math.min(minPMax, vsn[1] & 0xff);
        maxDMin = Math.max(maxDMin, vsn[3] & 0xff);
        minDMax = Math.min(minDMax, vsn[4] & 0xff);
    }

    private String verify(String name, byte[] vsn) {
        if (vsn == null || vsn.length < 6) {
            return null;
        }
        int pCur = vsn[2] & 0xff;
        int dCur = vsn[5] & 0xff;
        if (pCur < maxPMin || pCur > minPMax) {
            return "node '" + name + "' protocol version (" + pCur + ") is incompatible: [" + maxPMin + ", " + minPMax
                    + "]";
        }
        if (dCur < maxDMin || dCur > minDMax) {
            return "node '" + name + "' delegate protocol version (" + dCur + ") is incompatible: [" + maxDMin + ", "
                    + minDMax + "]";
        }
        return null;
    }
}
