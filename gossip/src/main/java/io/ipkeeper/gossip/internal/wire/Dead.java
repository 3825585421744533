package io.ipkeeper.gossip.internal.wire;

import java.util.Objects;

/**
 * memberlist {@code dead} (type 5): {@code from} declares {@code node} dead at {@code incarnation} (uint32).
 * {@code from.equals(node)} means a voluntary leave: the node becomes <i>left</i>, not dead.
 */
public record Dead(long incarnation, String node, String from) implements Message {
    @Override
    public MessageType type() {
        return MessageType.DEAD;
    }

    public Dead {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(from, "from");
    }

    /** True when the node announced its own departure (graceful leave). */
    public boolean isLeave() {
        return node.equals(from);
    }
}
