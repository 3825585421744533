package io.ipkeeper.gossip.internal.state;

/**
 * Incarnations are uint32 on the wire. We keep them as non-negative longs in the API and as ints (same 32 bits) in
 * {@link NodeState} to keep table entries small.
 */
final class Incarnation {
    static final long MAX = 0xFFFF_FFFFL;

    private Incarnation() {}

    static int pack(long incarnation) {
        if (incarnation < 0 || incarnation > MAX) {
            throw new IllegalArgumentException("incarnation (" + incarnation + ") must be in [0, " + MAX + "]");
        }
        return (int) incarnation;
    }

    static long unpack(int packed) {
        return Integer.toUnsignedLong(packed);
    }
}
