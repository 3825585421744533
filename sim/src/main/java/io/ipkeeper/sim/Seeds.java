package io.ipkeeper.sim;

/** One seeded random per purpose: each purpose gets its own stream derived from the run seed. */
final class Seeds {
    static final long LATENCY = 1;
    static final long LOSS = 2;
    static final long SCENARIO = 3;
    static final long REPLAY = 4;
    static final long NODE = 1_000;

    private Seeds() {}

    /** SplitMix64 finaliser over (seed, purpose): well-spread, independent-looking streams. */
    static long mix(long seed, long purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
