package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Objects;

/**
 * Serf leave intent (type 0): {@code node} is leaving at member Lamport time {@code lTime}.
 *
 * @param lTime uint64 (may exceed {@code Long.MAX_VALUE}; read as unsigned)
 * @param prune ask members to forget the node at once ({@code serf force-leave -prune})
 */
public record SerfLeave(long lTime, String node, boolean prune) implements SerfMessage {
    public SerfLeave {
        node = Objects.requireNonNullElse(node, "");
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.LEAVE;
    }
}
