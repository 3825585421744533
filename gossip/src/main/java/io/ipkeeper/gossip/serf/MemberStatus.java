package io.ipkeeper.gossip.serf;

/** A member's status as Serf reports it ({@code serf members}). */
public enum MemberStatus {
    /** Alive in memberlist, no leave intent. */
    ALIVE,
    /** Announced a leave intent but memberlist still sees it. */
    LEAVING,
    /** Left gracefully: a leave intent, or memberlist's own graceful leave. */
    LEFT,
    /** Gone without leaving: memberlist declared it dead. */
    FAILED;

    /** Lower-case, as {@code serf members} prints it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
