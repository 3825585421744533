package io.ipkeeper.gossip.internal.state;

import io.ipkeeper.gossip.internal.wire.Alive;
import java.util.Objects;

/**
 * What {@link Membership} asks its owner to do. Emitted in order, synchronously, into the {@code Consumer} given at
 * construction; the protocol layer turns them into queue entries, listener calls and scheduler timers.
 */
public sealed interface MembershipEffect {

    /**
     * Queue {@code message} (an {@link io.ipkeeper.gossip.internal.wire.Alive}, {@link io.ipkeeper.gossip.internal.wire.Suspect}
     * or {@link io.ipkeeper.gossip.internal.wire.Dead}) for gossip under the invalidation name {@code node}: it replaces
     * any queued broadcast about the same node.
     */
    record Broadcast(String node, Record message) implements MembershipEffect {
        public Broadcast {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The node became alive after being dead, left or unknown (memberlist {@code NotifyJoin}). */
    record Joined(NodeSnapshot node) implements MembershipEffect {}

    /** The node's meta data changed while it stayed alive or suspect (memberlist {@code NotifyUpdate}). */
    record Updated(NodeSnapshot node) implements MembershipEffect {}

    /**
     * The node went from alive or suspect to {@link NodeStatus#DEAD dead} (failed) or {@link NodeStatus#LEFT left}
     * (announced its own departure): memberlist {@code NotifyLeave}. {@code node.status()} tells which.
     */
    record Departed(NodeSnapshot node) implements MembershipEffect {
        /** True for a graceful leave, false for a failure. */
        public boolean graceful() {
            return node.status() == NodeStatus.LEFT;
        }
    }

    /** Another node claims a known node's name from a different address (memberlist {@code NotifyConflict}). */
    record Conflict(NodeSnapshot existing, Alive other) implements MembershipEffect {}

    /**
     * (Re-)arm the suspicion timer of {@code node} to fire at {@code deadlineNanos}, replacing any earlier deadline; when
     * it fires call {@link Membership#suspicionTimeout}. A deadline at or before now means: fire at once.
     */
    record ArmSuspicionTimer(String node, long deadlineNanos) implements MembershipEffect {}

    /** Cancel the suspicion timer of {@code node} (refuted, declared dead, or left). */
    record CancelSuspicionTimer(String node) implements MembershipEffect {}
}
