package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * memberlist {@code ping} (type 0), over UDP or as the TCP fallback probe.
 *
 * @param seqNo uint32
 * @param node the name of the node being pinged; "" means "whoever you are"
 * @param sourceAddr where to send the ack (omitempty: null when absent)
 * @param sourcePort uint16 (omitempty: 0 when absent)
 * @param sourceNode sender name (omitempty: "" when absent)
 */
public record Ping(long seqNo, String node, byte[] sourceAddr, int sourcePort, String sourceNode)
        implements Message, StreamMessage {

    public Ping {
        node = Objects.requireNonNullElse(node, "");
        sourceNode = Objects.requireNonNullElse(sourceNode, "");
        sourceAddr = Bytes.emptyToNull(sourceAddr);
    }

    @Override
    public MessageType type() {
        return MessageType.PING;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ping p && seqNo == p.seqNo && sourcePort == p.sourcePort && node.equals(p.node)
                && sourceNode.equals(p.sourceNode) && Arrays.equals(sourceAddr, p.sourceAddr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seqNo, node, sourcePort, sourceNode, Arrays.hashCode(sourceAddr));
    }

    @Override
    public String toString() {
        return "Ping[seqNo=" + seqNo + ", node=" + node + ", sourceAddr=" + Bytes.hex(sourceAddr) + ", sourcePort="
                + sourcePort + ", sourceNode=" + sourceNode + "]";
    }
}
