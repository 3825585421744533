package io.ipkeeper.gossip.internal.state;

import java.util.Arrays;

/**
 * An order-independent, incrementally maintained digest of a node table's <i>view</i>: every alive or suspect entry
 * as (name, incarnation, status). Used by the digest anti-entropy between ipkeeper nodes: two tables with the same view
 * have the same digest whatever order their updates arrived in, so peers compare 8 bytes instead of exchanging every
 * record, and on a mismatch compare {@link #bucketHashes bucket} hashes to find which names differ.
 *
 * <p>Each entry contributes a 64-bit hash; a bucket's hash is the sum (mod 2<sup>64</sup>) of its entries'
 * contributions and the root is the sum of all of them, so adding or removing an entry is O(1). Dead and left entries
 * are not part of the view (they are reaped at different moments on different nodes; digesting them would make
 * tables differ for no reason), but they are still sent when their bucket differs, which is how a node that missed a
 * death learns it.
 *
 * <p>Names are hashed with 64-bit FNV-1a over their UTF-16 code units (stable across JVMs and platforms, unlike
 * identity hashes); the bucket of a name uses {@link String#hashCode}, which is cached in the string, so listing the
 * entries of a few buckets costs no hashing of names.
 */
public final class StateDigest {
    /** The finest bucket granularity kept; coarser bucket counts fold it. A power of two. */
    public static final int MAX_BUCKETS = io.ipkeeper.gossip.internal.wire.DigestCodec.MAX_BUCKETS;
    private final long[] sums = new long[MAX_BUCKETS];
    private long root;
    private int count;

    /** Adds an entry's contribution if it is part of the view. */
    void add(NodeState s) {
        if (inView(s.status())) {
            long h = entryHash(s.name(), s.incarnation(), s.status());
            sums[bucketOf(s.name(), MAX_BUCKETS)] += h;
            root += h;
            count++;
        }
    }

    /** Removes an entry's contribution, as it was added (call before changing the entry). */
    void remove(NodeState s) {
        if (inView(s.status())) {
            long h = entryHash(s.name(), s.incarnation(), s.status());
            sums[bucketOf(s.name(), MAX_BUCKETS)] -= h;
            root -= h;
            count--;
        }
    }

    /** The digest of the whole view: equal views give equal roots (and, with overwhelming probability, vice versa). */
    public long root() {
        return root;
    }

    /** Number of entries in the view (alive and suspect). */
    public int count() {
        return count;
    }

    /** The hash of each of {@code buckets} buckets (a power of two, at most {@link #MAX_BUCKETS}). */
    public long[] bucketHashes(int buckets) {
        checkBuckets(buckets);
        long[] out = new long[buckets];
        for (int i = 0; i < MAX_BUCKETS; i++) {
            out[i & (buckets - 1)] += sums[i];
        }
        return out;
    }

    /**
     * How many buckets to compare for a view of {@code entries} entries: about eight entries per bucket, so that a
     * single difference costs a handful of records, capped at {@link #MAX_BUCKETS}.
     */
    public static int bucketsFor(int entries) {
        int wanted = Math.max(1, entries / 8);
        int b = Integer.highestOneBit(wanted);
        if (b < wanted) {
            b <<= 1;
        }
        return Math.min(b, MAX_BUCKETS);
    }

    /** The bucket of a name among {@code buckets} buckets (a power of two). */
    public static int bucketOf(String name, int buckets) {
        int h = name.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 15)) & (buckets - 1);
    }

    static boolean inView(NodeStatus status) {
        return status == NodeStatus.ALIVE || status == NodeStatus.SUSPECT;
    }

    /** The contribution of one view entry. */
    static long entryHash(String name, long incarnation, NodeStatus status) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= (incarnation << 2) | status.ordinal();
        return mix(h);
    }

    /** A full recomputation over a table, for tests and assertions: must always equal the incremental state. */
    static StateDigest of(NodeTable table) {
        StateDigest d = new StateDigest();
        for (int i = 0; i < table.numNodes(); i++) {
            d.add(table.at(i));
        }
        return d;
    }

    boolean sameAs(StateDigest other) {
        return root == other.root && count == other.count && Arrays.equals(sums, other.sums);
    }

    private static void checkBuckets(int buckets) {
        if (!io.ipkeeper.gossip.internal.wire.DigestCodec.validBuckets(buckets)) {
            throw new IllegalArgumentException("bucket count (" + buckets + ") must be a power of two in [1, "
                    + MAX_BUCKETS + "]");
        }
    }

    /** SplitMix64's finalizer: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
