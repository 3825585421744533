package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A push/pull exchange (type 6, TCP only): the sender's whole node list plus the delegate's user state
 * (Serf: {@code 02} + msgpack push/pull), empty when there is none.
 */
public record PushPull(boolean join, List<PushNodeState> nodes, byte[] userState) implements StreamMessage {

    public PushPull {
        nodes = List.copyOf(nodes);
        userState = userState == null ? new byte[0] : userState;
    }

    public PushPullHeader header() {
        return new PushPullHeader(join, nodes.size(), userState.length);
    }

    @Override
    public MessageType type() {
        return MessageType.PUSH_PULL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushPull p && join == p.join && nodes.equals(p.nodes) && Arrays.equals(userState, p.userState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(join, nodes, Arrays.hashCode(userState));
    }

    @Override
    public String toString() {
        return "PushPull[join=" + join + ", nodes=" + nodes + ", userState=" + Bytes.hex(userState) + "]";
    }
}
