package io.ipkeeper.sim;

import io.ipkeeper.gossip.internal.state.Interner;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One run's shared immutable records: every node table and member snapshot of the simulation refers to one copy of each
 * name, address, version array and meta, and to one {@code Member} per (node, incarnation, state, meta) — instead of
 * each of N nodes holding its own decoded copy of N entries. Nothing is evicted: a run sees a few records per node and
 * change, far fewer than the N² entries they stand for. Maps are looked up only, never iterated, so they cannot leak an
 * order into a run.
 */
final class SharedRecords implements Interner {
    /** Content equality for byte arrays (arrays themselves compare by identity). */
    private record Bytes(byte[] b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(b, other.b);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(b);
        }
    }

    private final Map<String, String> strings = new HashMap<>();
    private final Map<Bytes, byte[]> arrays = new HashMap<>();
    private final Map<Object, Object> values = new HashMap<>();

    @Override
    public String string(String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    @Override
    public byte[] bytes(byte[] b) {
        return b == null ? null : arrays.computeIfAbsent(new Bytes(b), k -> k.b());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T value(T v) {
        return v == null ? null : (T) values.computeIfAbsent(v, k -> k);
    }

    /** Distinct records held (strings, arrays, values): the shared part of the heap, for reports. */
    int size() {
        return strings.size() + arrays.size() + values.size();
    }
}
