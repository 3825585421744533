package io.ipkeeper.gossip.internal.state;

import java.util.Objects;

/**
 * An immutable copy of a {@link NodeState}, handed out in effects and queries. Unlike memberlist's {@code Node} given to
 * event callbacks (whose {@code State} field is stale), {@link #status()} is the state after the transition.
 * Byte arrays are shared with the table and must not be mutated.
 */
public record NodeSnapshot(String name, byte[] addr, int port, byte[] meta, byte[] vsn, long incarnation,
        NodeStatus status, long stateChangeNanos) {

    public NodeSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSnapshot s && name.equals(s.name) && port == s.port && incarnation == s.incarnation
                && status == s.status && stateChangeNanos == s.stateChangeNanos && java.util.Arrays.equals(addr, s.addr)
                && java.util.Arrays.equals(meta, s.meta) && java.util.Arrays.equals(vsn, s.vsn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, port, incarnation, status);
    }

    @Override
    public String toString() {
        return "NodeSnapshot[" + name + "@" + incarnation + " " + status + "]";
    }
}
