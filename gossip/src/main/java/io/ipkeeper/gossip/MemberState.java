package io.ipkeeper.gossip;

/** memberlist's node states as seen by one member. */
public enum MemberState {
    /** Answering probes. */
    ALIVE,
    /** Missed a probe; declared dead unless it refutes before its suspicion timeout. */
    SUSPECT,
    /** Failed: suspected and never refuted (or declared dead by another member). */
    DEAD,
    /** Left gracefully (announced its own departure). */
    LEFT
}
