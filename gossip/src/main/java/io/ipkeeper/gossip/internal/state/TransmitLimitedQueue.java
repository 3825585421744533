package io.ipkeeper.gossip.internal.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * memberlist's {@code TransmitLimitedQueue} plus Serf's bound on depth.
 *
 * <ul>
 *   <li>Each broadcast is sent at most {@link GossipMath#retransmitLimit retransmitMult × ceil(log10(n + 1))} times.
 *   <li>A broadcast queued under a name (memberlist names its own alive/suspect/dead by node name) replaces and
 *       finishes any queued broadcast with the same name, whatever its type. A null name means "unique": never
 *       replaced (Serf's broadcasts).
 *   <li>Send order: fewest transmits first; within a tier the largest message that fits, then the newest.
 *   <li>Depth is bounded: past {@code maxDepth} the oldest entries are pruned, where "oldest" means most transmitted
 *       (those have already spread the most), then first queued.
 * </ul>
 *
 * <p>Items carry their encoded size, computed by the caller at enqueue time (the wire encoder is plugged in there), so
 * the queue never depends on the codec. Single-threaded like the rest of the state package.
 *
 * @param <M> the message type
 */
public final class TransmitLimitedQueue<M> {

    private static final class Item<M> {
        final long id;
        final String name;
        final M message;
        final int size;
        final Runnable onFinished;
        int transmits;

        Item(long id, String name, M message, int size, Runnable onFinished) {
            this.id = id;
            this.name = name;
            this.message = message;
            this.size = size;
            this.onFinished = onFinished;
        }
    }

    /** memberlist's btree order: transmits ascending, size descending, newest (highest id) first. */
    private static final Comparator<Item<?>> SEND_ORDER = Comparator.<Item<?>>comparingInt(i -> i.transmits)
            .thenComparing(Comparator.<Item<?>>comparingInt(i -> i.size).reversed())
            .thenComparing(Comparator.<Item<?>>comparingLong(i -> i.id).reversed());

    /** Pruning order: most transmits first, then oldest (lowest id). */
    private static final Comparator<Item<?>> PRUNE_ORDER = Comparator.<Item<?>>comparingInt(i -> -i.transmits)
            .thenComparingLong(i -> i.id);

    private final int retransmitMult;
    private final IntSupplier numNodes;
    private final int maxDepth;
    private final TreeSet<Item<M>> bySendOrder = new TreeSet<>(SEND_ORDER);
    private final TreeSet<Item<M>> byPruneOrder = new TreeSet<>(PRUNE_ORDER);
    private final Map<String, Item<M>> byName = new HashMap<>();
    private long nextId;
    private long prunedTotal;

    /**
     * @param retransmitMult {@code RetransmitMult}, at least 1
     * @param numNodes the current cluster-size estimate ({@code numNodes}), read on every {@link #getBroadcasts}
     * @param maxDepth the most broadcasts kept queued, at least 1
     */
    public TransmitLimitedQueue(int retransmitMult, IntSupplier numNodes, int maxDepth) {
        if (retransmitMult < 1) {
            throw new IllegalArgumentException("retransmitMult (" + retransmitMult + ") must be at least 1");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth (" + maxDepth + ") must be at least 1");
        }
        this.retransmitMult = retransmitMult;
        this.numNodes = Objects.requireNonNull(numNodes, "numNodes");
        this.maxDepth = maxDepth;
    }

    /** Queues a broadcast with no completion callback. */
    public void queue(String name, M message, int encodedSize) {
        queue(name, message, encodedSize, null);
    }

    /**
     * Queues a broadcast.
     *
     * @param name invalidation key (memberlist: the node name), or null for a unique broadcast that nothing replaces
     * @param encodedSize bytes the message takes in a packet (without the compound overhead)
     * @param onFinished run once when the broadcast leaves the queue for any reason (sent its last time, replaced,
     *     pruned, reset); may be null. memberlist uses this to let {@code Leave} wait for its dead message.
     */
    public void queue(String name, M message, int encodedSize, Runnable onFinished) {
        Objects.requireNonNull(message, "message");
        if (encodedSize < 0) {
            throw new IllegalArgumentException("encodedSize (" + encodedSize + ") must not be negative");
        }
        if (name != null) {
            Item<M> old = byName.get(name);
            if (old != null) {
                remove(old);
                finish(old);
            }
        }
        if (bySendOrder.isEmpty()) {
            nextId = 0; // memberlist resets its id generator when the queue drains
        }
        Item<M> item = new Item<>(nextId++, name, message, encodedSize, onFinished);
        add(item);
        while (bySendOrder.size() > maxDepth) {
            Item<M> victim = byPruneOrder.first();
            remove(victim);
            finish(victim);
            prunedTotal++;
        }
    }

    /**
     * memberlist {@code GetBroadcasts}: up to {@code limit} bytes of broadcasts, {@code overhead} extra bytes counted per
     * message. Walks the transmit tiers from the lowest; in each takes the first (largest, then newest) message that
     * still fits until none does. Every message taken is counted as transmitted once and dropped when it reaches the
     * retransmit limit.
     */
    public List<M> getBroadcasts(int overhead, int limit) {
        List<M> out = new ArrayList<>();
        if (bySendOrder.isEmpty()) {
            return out;
        }
        int transmitLimit = GossipMath.retransmitLimit(retransmitMult, numNodes.getAsInt());
        List<Item<M>> reinsert = new ArrayList<>();
        int used = 0;
        int tier = bySendOrder.first().transmits;
        int maxTier = bySendOrder.last().transmits;
        while (tier <= maxTier) {
            int free = limit - used - overhead;
            if (free <= 0) {
                break;
            }
            // The first item of this tier that fits: order inside a tier is size descending, so search from "size == free".
            Item<M> probe = new Item<>(Long.MAX_VALUE, null, null, free, null);
            probe.transmits = tier;
            Item<M> keep = bySendOrder.ceiling(probe);
            if (keep == null || keep.transmits != tier) {
                tier++;
                continue;
            }
            out.add(keep.message);
            used += overhead + keep.size;
            remove(keep);
            if (keep.transmits + 1 >= transmitLimit) {
                finish(keep);
            } else {
                // Re-inserted after the walk so it cannot be taken twice by this call.
                keep.transmits++;
                reinsert.add(keep);
            }
        }
        for (Item<M> item : reinsert) {
            add(item);
        }
        return out;
    }

    /** Number of queued broadcasts (metric {@code queue.broadcasts}). */
    public int depth() {
        return bySendOrder.size();
    }

    /** Broadcasts dropped so far because the queue was deeper than its maximum. */
    public long prunedTotal() {
        return prunedTotal;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** memberlist {@code Prune}: keeps at most {@code maxRetain} broadcasts, dropping the oldest (see class doc). */
    public void prune(int maxRetain) {
        while (bySendOrder.size() > Math.max(0, maxRetain)) {
            Item<M> victim = byPruneOrder.first();
            remove(victim);
            finish(victim);
            prunedTotal++;
        }
    }

    /** Drops everything, finishing each broadcast. */
    public void reset() {
        prune(0);
    }

    private void add(Item<M> item) {
        bySendOrder.add(item);
        byPruneOrder.add(item);
        if (item.name != null) {
            byName.put(item.name, item);
        }
    }

    private void remove(Item<M> item) {
        bySendOrder.remove(item);
        byPruneOrder.remove(item);
        if (item.name != null) {
            byName.remove(item.name, item);
        }
    }

    private static void finish(Item<?> item) {
        if (item.onFinished != null) {
            item.onFinished.run();
        }
    }
}
