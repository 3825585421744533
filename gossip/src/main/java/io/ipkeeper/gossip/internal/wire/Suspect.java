package io.ipkeeper.gossip.internal.wire;

import java.util.Objects;

/** memberlist {@code suspect} (type 3): {@code from} suspects {@code node} at {@code incarnation} (uint32). */
public record Suspect(long incarnation, String node, String from) implements Message {
    @Override
    public MessageType type() {
        return MessageType.SUSPECT;
    }

    public Suspect {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(from, "from");
    }
}
