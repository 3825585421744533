package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Objects;

/** Serf join intent (type 1): {@code node} joined (or refutes a leave) at member Lamport time {@code lTime}. */
public record SerfJoin(long lTime, String node) implements SerfMessage {
    public SerfJoin {
        node = Objects.requireNonNullElse(node, "");
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.JOIN;
    }
}
