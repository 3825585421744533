package io.ipkeeper.gossip.internal.state;

/**
 * Canonicalises the immutable pieces a node table stores, so that many tables in one JVM can share one copy: for the
 * simulator, where 10,000 nodes each hold 10,000 entries that would otherwise each keep their own decoded name, address,
 * versions and meta. Production uses {@link #NONE} (one table per JVM: nothing to share). Values passed in are never
 * mutated afterwards (wire records and snapshots are immutable by contract), which is what makes sharing safe.
 */
public interface Interner {

    /** No sharing: every value is returned as it is. */
    Interner NONE = new Interner() {
        @Override
        public String string(String s) {
            return s;
        }

        @Override
        public byte[] bytes(byte[] b) {
            return b;
        }

        @Override
        public <T> T value(T v) {
            return v;
        }
    };

    /** A canonical string equal to {@code s} (null stays null). */
    String string(String s);

    /** A canonical array with the same content as {@code b} (null stays null); never mutated by anyone. */
    byte[] bytes(byte[] b);

    /** A canonical instance equal to {@code v} (an immutable value with content equality; null stays null). */
    <T> T value(T v);
}
