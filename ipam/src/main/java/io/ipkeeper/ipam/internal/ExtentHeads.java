package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The lowest free extent of each pool, read once per batch and consumed in memory: a batch of "next free" requests
 * costs one seek and one UPDATE (or DELETE) however many addresses it takes, instead of a seek and an UPDATE per
 * address. {@link #flush} writes the result back; anything else that reads or writes {@code free_extent} in the
 * same transaction must flush first, and {@link LockedSubnet#settle} does.
 */
public final class ExtentHeads {

    /**
     * The cached lowest extent of one pool: {@code extent} as stored, {@code start} its first still-free address.
     * No extent and no start: the pool has none left. No extent but a start: used up, successor not read yet.
     */
    private static final class Head {
        final FreeExtent extent;
        IpAddress start;
        boolean dirty;

        Head(FreeExtent extent) {
            this.extent = extent;
            this.start = extent == null ? null : extent.range().start();
        }
    }

    private final long subnetId;
    private final Map<Long, Head> heads = new HashMap<>();
    private final List<Long> consumed = new ArrayList<>();
    private long changes;

    ExtentHeads(long subnetId) {
        this.subnetId = subnetId;
    }

    /** The lowest free address of {@code pool}, or null when the pool has none. */
    public IpAddress lowest(Handle h, long pool) {
        Head hd = head(h, pool);
        return hd.extent == null ? null : hd.start;
    }

    private Head head(Handle h, long pool) {
        Head hd = heads.get(pool);
        if (hd == null) {
            hd = new Head(FreeExtents.lowest(h, subnetId, pool));
            heads.put(pool, hd);
        } else if (hd.extent == null && hd.start != null) {
            // the previous head was used up; its successor is read only now that someone needs it
            hd = new Head(FreeExtents.higher(h, subnetId, pool, hd.start));
            heads.put(pool, hd);
        }
        return hd;
    }

    /** A used-up head: the next extent starts after {@code consumedStart} and is sought on demand. */
    private static Head usedUp(IpAddress consumedStart) {
        Head hd = new Head(null);
        hd.start = consumedStart;
        return hd;
    }

    /** Takes up to {@code n} consecutive lowest addresses of {@code pool} (fewer when its lowest extent is smaller). */
    public List<IpAddress> take(Handle h, long pool, int n) {
        Head hd = head(h, pool);
        if (hd.extent == null) {
            return List.of();
        }
        AddressRange left = new AddressRange(hd.start, hd.extent.range().end());
        int k = (int) Math.min(n, left.size().saturatedLong());
        List<IpAddress> out = new ArrayList<>(k);
        IpAddress a = hd.start;
        for (int i = 0; i < k; i++) {
            out.add(a);
            if (i < k - 1) {
                a = a.next();
            }
        }
        changes++;
        if (a.equals(hd.extent.range().end())) {
            consumed.add(hd.extent.id());
            heads.put(pool, usedUp(hd.extent.range().start()));
        } else {
            hd.start = a.next();
            hd.dirty = true;
        }
        return out;
    }

    /** How many takes this batch made (see {@link LockedSubnet#mark()}). */
    long changes() {
        return changes;
    }

    /** Writes consumed extents (one DELETE) and trimmed heads (one UPDATE), then forgets the cache. */
    void flush(Handle h) {
        List<Long> deletes = new ArrayList<>();
        List<FreeExtent> trims = new ArrayList<>();
        collect(deletes, trims);
        write(h, deletes, trims);
    }

    /** Hands over the pending changes (for batching with other subnets' heads) and forgets the cache. */
    void collect(List<Long> deletes, List<FreeExtent> trims) {
        deletes.addAll(consumed);
        for (Head hd : heads.values()) {
            if (hd.dirty) {
                trims.add(new FreeExtent(hd.extent.id(), hd.extent.poolId(), new AddressRange(hd.start, hd.extent.range().end())));
            }
        }
        forget();
    }

    /** Preloads the lowest extent of {@code pool} (read for several subnets in one query), or null when it has none. */
    void preload(long pool, FreeExtent lowest) {
        heads.putIfAbsent(pool, new Head(lowest));
    }

    /** Writes used-up extents (one DELETE) and trimmed heads (one multi-row UPDATE), of one or several subnets. */
    static void write(Handle h, List<Long> deletes, List<FreeExtent> trims) {
        BulkUpdates.deleteExtents(h, deletes);
        BulkUpdates.trimStarts(h, trims);
    }

    /** Drops the cache without writing (after a rollback, or once written). */
    void forget() {
        heads.clear();
        consumed.clear();
    }
}
