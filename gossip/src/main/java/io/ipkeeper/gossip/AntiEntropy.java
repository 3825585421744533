package io.ipkeeper.gossip;

/**
 * How a node repairs what gossip missed ({@link GossipConfig.Builder#antiEntropy}).
 */
public enum AntiEntropy {
    /**
     * memberlist's push/pull: every {@code pushPullInterval} (scaled up above 32 nodes) the whole table is exchanged
     * with one random node. Wire-compatible with every memberlist and Serf node. The default.
     */
    MEMBERLIST,
    /**
     * ipkeeper's digest-first anti-entropy, used only between ipkeeper nodes that announce it: every
     * {@code antiEntropyInterval} a node sends one random capable peer the 8-byte digest of its view; only when the
     * digests differ do the two compare bucket hashes and exchange the records of the differing buckets. Steady-state
     * cost is a few dozen bytes per round whatever the cluster size, so the interval can be short (repair in seconds).
     * Records learnt this way are merged without being re-gossiped. With Go peers (and with a delegate that has push/pull
     * state, such as Serf's) the memberlist push/pull keeps running as well; see {@code docs/gossip.md}.
     */
    DIGEST;

    /** Parses {@code memberlist} or {@code digest} (any case), with a clear error for anything else. */
    public static AntiEntropy parse(String text) {
        if (text != null) {
            for (AntiEntropy a : values()) {
                if (a.name().equalsIgnoreCase(text.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("anti-entropy mode (" + text + ") must be one of: memberlist, digest");
    }

    /** The lower-case name used in settings files and on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
