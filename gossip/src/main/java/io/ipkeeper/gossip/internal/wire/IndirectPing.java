package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * memberlist {@code indirectPingReq} (type 1): ask the receiver to probe {@code node} at target:port for us.
 *
 * @param nack set when the helper's PMax ≥ 4, asking it to send a nack if the target stays silent
 */
public record IndirectPing(long seqNo, byte[] target, int port, String node, boolean nack, byte[] sourceAddr,
        int sourcePort, String sourceNode) implements Message {

    public IndirectPing {
        node = Objects.requireNonNullElse(node, "");
        sourceNode = Objects.requireNonNullElse(sourceNode, "");
        sourceAddr = Bytes.emptyToNull(sourceAddr);
    }

    @Override
    public MessageType type() {
        return MessageType.INDIRECT_PING;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndirectPing p && seqNo == p.seqNo && port == p.port && nack == p.nack
                && sourcePort == p.sourcePort && node.equals(p.node) && sourceNode.equals(p.sourceNode)
                && Arrays.equals(target, p.target) && Arrays.equals(sourceAddr, p.sourceAddr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seqNo, port, node, nack, sourcePort, sourceNode, Arrays.hashCode(target),
                Arrays.hashCode(sourceAddr));
    }

    @Override
    public String toString() {
        return "IndirectPing[seqNo=" + seqNo + ", target=" + Bytes.hex(target) + ", port=" + port + ", node=" + node
                + ", nack=" + nack + ", sourceAddr=" + Bytes.hex(sourceAddr) + ", sourcePort=" + sourcePort
                + ", sourceNode=" + sourceNode + "]";
    }
}
