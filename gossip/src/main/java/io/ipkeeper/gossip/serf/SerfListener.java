package io.ipkeeper.gossip.serf;

/**
 * Serf's events ({@code serf agent} event handlers see the same): member join/leave/failed/update and user events.
 * Called on the gossip node's protocol thread (or, for our own user events, the sender's thread): return quickly and
 * never block.
 */
public interface SerfListener {

    /** A member became alive. */
    default void onMemberJoin(SerfMember member) {}

    /** A member is gone: {@link MemberStatus#LEFT} (graceful) or {@link MemberStatus#FAILED}. */
    default void onMemberLeave(SerfMember member) {}

    /** A member's tags changed. */
    default void onMemberUpdate(SerfMember member) {}

    /** A user event seen for the first time (ours included, as in Serf); duplicates are filtered out. */
    default void onUserEvent(UserEvent event) {}
}
