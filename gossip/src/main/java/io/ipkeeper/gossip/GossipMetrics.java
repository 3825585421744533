package io.ipkeeper.gossip;

/**
 * Counters and gauges of one node, as callbacks with no-op defaults, so the library needs no metrics dependency: adapt
 * them to Micrometer, Prometheus or anything else. Called on the protocol thread (must be quick and must not block),
 * except {@link #bytesSent}/{@link #bytesReceived} which may also come from API callers' threads.
 */
public interface GossipMetrics {

    /** A probe (direct ping) was sent. */
    default void probeSent() {}

    /** A probe got no ack, directly, indirectly or over TCP: the target is now suspected by us. */
    default void probeFailed() {}

    /** A member became suspect in our table (our own accusation or someone else's). */
    default void suspicionRaised() {}

    /** Lifeguard health score after a change: 0 is healthy, up to awarenessMaxMultiplier − 1. */
    default void healthScore(int score) {}

    /** Broadcasts waiting in the transmit queue, after every change. */
    default void broadcastQueueDepth(int depth) {}

    /** Bytes of one packet or stream message we sent. */
    default void bytesSent(int bytes) {}

    /** Bytes of one packet or stream message we received. */
    default void bytesReceived(int bytes) {}

    /** A packet or stream was dropped: malformed, undecryptable, wrong label, or not for us. */
    default void packetDropped(String reason) {}

    /** An automatic re-join attempt (after a partition) finished. */
    default void rejoinAttempted(boolean success) {}

    /** A push/pull state exchange we started finished ({@code join}: part of a join or re-join). */
    default void pushPullCompleted(boolean join, boolean success) {}

    /**
     * A digest anti-entropy round we started finished ({@link AntiEntropy#DIGEST}): {@code inSync} when the digests
     * matched (nothing else was sent), otherwise how many records each side sent; {@code success} false when the peer
     * failed or answered with an error.
     */
    default void antiEntropyRound(boolean success, boolean inSync, int recordsSent, int recordsReceived) {}

    /** The no-op instance. */
    GossipMetrics NONE = new GossipMetrics() {};
}
