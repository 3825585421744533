package io.ipkeeper.gossip.internal.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * memberlist's {@code nodeMap} + {@code nodes}: every known node, dead and left ones included until reaped.
 *
 * <p>The list is the probe order; a new node is inserted at a random position (appended, then swapped with a random
 * earlier index, as memberlist does) so that every member probes in a different order. {@link #numNodes()} is the list
 * length, the cluster-size estimate used in every formula.
 *
 * <p>The name index is an open-addressing hash table (linear probing) of the entries themselves instead of a
 * {@code HashMap}: that saves the 32-byte {@code HashMap.Node} per entry, which matters at 10^8 entries in the
 * simulator. The index and the list normally hold the same entries; only the legacy (2014) mode drops an entry from the
 * index while it stays in the list ({@link #removeFromIndex}).
 */
public final class NodeTable {
    private static final int MIN_CAPACITY = 8;

    private final RandomGenerator random;
    private NodeState[] list = new NodeState[MIN_CAPACITY];
    private int size;
    private NodeState[] index = new NodeState[MIN_CAPACITY * 2];
    private int indexed;

    public NodeTable(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The entry for {@code name}, or null if the name is not in the index. */
    public NodeState get(String name) {
        NodeState[] idx = index;
        int mask = idx.length - 1;
        for (int i = slot(name, mask); ; i = (i + 1) & mask) {
            NodeState s = idx[i];
            if (s == null) {
                return null;
            }
            if (s.name().equals(name)) {
                return s;
            }
        }
    }

    /** Number of entries in the list: memberlist's {@code numNodes} (self, suspect and unreaped dead/left included). */
    public int numNodes() {
        return size;
    }

    /** The entry at a position of the probe order. */
    public NodeState at(int position) {
        Objects.checkIndex(position, size);
        return list[position];
    }

    /** Adds a new entry to the index and at a random position of the list. The name must not be indexed yet. */
    public void add(NodeState node) {
        if (get(node.name()) != null) {
            throw new IllegalStateException("node " + node.name() + " is already in the table");
        }
        insertIntoIndex(node);
        if (size == list.length) {
            list = Arrays.copyOf(list, size + (size >> 1) + 1);
        }
        // memberlist: offset = rand in [0, n) (0 when empty); append; swap the new node with the one at offset.
        int n = size;
        int offset = n == 0 ? 0 : random.nextInt(n);
        list[n] = list[offset];
        list[offset] = node;
        size = n + 1;
    }

    /**
     * Legacy (pre-Nov-2014) behaviour only: forget the name but leave the entry in the list until it is reaped. This is
     * exactly what let a replayed alive resurrect a dead node; see {@link Membership.Builder#legacyDeadRemoval}.
     */
    void removeFromIndex(NodeState node) {
        NodeState[] idx = index;
        int mask = idx.length - 1;
        int i = slot(node.name(), mask);
        while (idx[i] != node) {
            if (idx[i] == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps every remaining entry reachable from its home slot without tombstones.
        int hole = i;
        for (int j = (hole + 1) & mask; idx[j] != null; j = (j + 1) & mask) {
            int home = slot(idx[j].name(), mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                idx[hole] = idx[j];
                hole = j;
            }
        }
        idx[hole] = null;
        indexed--;
    }

    /**
     * memberlist {@code resetNodes} (HEAD): removes every dead and left node whose last state change is more than
     * {@code gossipToTheDeadNanos} ago, except {@code keep} (our own entry: a node that has left keeps itself), then
     * shuffles the list. Called by the probe loop when its index wraps around.
     *
     * @return the number of entries removed
     */
    public int reapAndShuffle(long nowNanos, long gossipToTheDeadNanos, String keep) {
        int kept = 0;
        int removed = 0;
        for (int i = 0; i < size; i++) {
            NodeState s = list[i];
            boolean reap = s.status().isDeadOrLeft() && nowNanos - s.stateChangeNanos() > gossipToTheDeadNanos
                    && !s.name().equals(keep);
            if (reap) {
                removed++;
            } else {
                list[kept++] = s;
            }
        }
        if (removed > 0) {
            Arrays.fill(list, kept, size, null);
            size = kept;
            rebuildIndex();
        }
        shuffle();
        return removed;
    }

    /** Fisher-Yates shuffle of the probe order (memberlist {@code shuffleNodes}). */
    void shuffle() {
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            NodeState t = list[i];
            list[i] = list[j];
            list[j] = t;
        }
    }

    /**
     * Up to {@code k} distinct random entries matching {@code filter} (memberlist HEAD {@code kRandomNodes}: an
     * exhaustive shuffled scan when the table is small, otherwise at most 3n random picks).
     */
    public List<NodeState> randomNodes(int k, Predicate<NodeState> filter) {
        List<NodeState> picked = new ArrayList<>(Math.min(k, size));
        if (k <= 0 || size == 0) {
            return picked;
        }
        if (size < 3 * k) {
            NodeState[] copy = Arrays.copyOf(list, size);
            for (int i = copy.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                NodeState t = copy[i];
                copy[i] = copy[j];
                copy[j] = t;
            }
            for (NodeState s : copy) {
                if (picked.size() == k) {
                    break;
                }
                if (filter.test(s)) {
                    picked.add(s);
                }
            }
            return picked;
        }
        for (int tries = 0; tries < 3 * size && picked.size() < k; tries++) {
            NodeState s = list[random.nextInt(size)];
            if (filter.test(s) && !containsIdentity(picked, s)) {
                picked.add(s);
            }
        }
        return picked;
    }

    /** Entries in probe order (a copy). */
    public List<NodeState> entries() {
        return List.of(Arrays.copyOf(list, size));
    }

    /** Number of names in the index; equals {@link #numNodes()} except in legacy mode. */
    int indexedCount() {
        return indexed;
    }

    private static boolean containsIdentity(List<NodeState> l, NodeState s) {
        for (NodeState x : l) {
            if (x == s) {
                return true;
            }
        }
        return false;
    }

    private static int slot(String name, int mask) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    private void insertIntoIndex(NodeState node) {
        if ((indexed + 1) * 4 > index.length * 3) {
            growIndex(index.length * 2);
        }
        place(index, node);
        indexed++;
    }

    private static void place(NodeState[] idx, NodeState node) {
        int mask = idx.length - 1;
        int i = slot(node.name(), mask);
        while (idx[i] != null) {
            i = (i + 1) & mask;
        }
        idx[i] = node;
    }

    private void growIndex(int capacity) {
        NodeState[] old = index;
        index = new NodeState[capacity];
        for (NodeState s : old) {
            if (s != null) {
                place(index, s);
            }
        }
    }

    private void rebuildIndex() {
        // Only entries still in the list can be indexed; in legacy mode a reaped list entry may have a newer copy
        // indexed under the same name, which must survive.
        NodeState[] old = index;
        int capacity = MIN_CAPACITY * 2;
        while (capacity * 3 < Math.max(size, 1) * 4) {
            capacity *= 2;
        }
        index = new NodeState[capacity];
        indexed = 0;
        java.util.Set<NodeState> inList = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < size; i++) {
            inList.add(list[i]);
        }
        for (NodeState s : old) {
            if (s != null && inList.contains(s)) {
                place(index, s);
                indexed++;
            }
        }
    }
}
