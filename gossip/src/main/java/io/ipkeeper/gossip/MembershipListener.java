package io.ipkeeper.gossip;

/**
 * Membership events (memberlist's {@code EventDelegate}). Every method is called on the node's protocol thread, in
 * order, and must return quickly without blocking (hand long work to your own executor): while it runs the node
 * neither probes nor answers probes.
 */
public interface MembershipListener {

    /** {@code member} became alive: new to us, or back after being dead or left. */
    default void onJoin(Member member) {}

    /**
     * {@code member} is gone. {@link Member#state()} tells why: {@link MemberState#LEFT} = it left gracefully,
     * {@link MemberState#DEAD} = it failed (suspected and never refuted).
     */
    default void onLeave(Member member) {}

    /** {@code member}'s meta data changed while it stayed alive. */
    default void onUpdate(Member member) {}
}
