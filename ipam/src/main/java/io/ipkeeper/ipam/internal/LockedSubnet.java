package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A leaf or container subnet whose row this transaction has locked ({@code SELECT ... FOR UPDATE}), with its ranges,
 * live counters, the batch's cached free-extent heads and its write-behind rows. Counter changes are collected per
 * request and written once per batch: a request that fails is dropped with its changes ({@link #discardRequest()}),
 * a request that succeeds keeps them ({@link #keepRequest()}).
 */
public final class LockedSubnet {

    /** Live counts of one pool (or the whole subnet under key -1). */
    static final class Counts {
        long allocated;
        long reserved;
        long quarantined;

        long live() {
            return allocated + reserved + quarantined;
        }

        void add(AllocationState s, long d) {
            switch (s) {
                case ALLOCATED -> allocated += d;
                case RESERVED -> reserved += d;
                case QUARANTINED -> quarantined += d;
            }
        }

        boolean isZero() {
            return allocated == 0 && reserved == 0 && quarantined == 0;
        }
    }

    private static final long WHOLE = -1;

    private final SubnetLayout layout;
    private final Map<Long, Counts> stored = new HashMap<>();
    private boolean rangeCountsLoaded;
    private final Map<Long, Counts> batchDelta = new HashMap<>();
    private final Map<Long, Counts> requestDelta = new HashMap<>();
    private final ExtentHeads heads;
    private final PendingWrites writes;

    private LockedSubnet(SubnetLayout layout, PendingWrites writes) {
        this.layout = layout;
        this.writes = writes;
        this.heads = new ExtentHeads(layout.subnet().id());
        this.rangeCountsLoaded = layout.ranges().isEmpty();
    }

    /** Locks the subnet row and loads what allocation needs (ranges uncached); NotFound when the subnet does not exist. */
    public static LockedSubnet lock(Handle h, long subnetId) {
        return lock(h, subnetId, null);
    }

    /**
     * Locks the subnet row (one query: its columns, counters and layout number) and takes its ranges from
     * {@code cache} when the layout number still matches (null: always load them).
     */
    public static LockedSubnet lock(Handle h, long subnetId, RangeCache cache) {
        return h.createQuery(LOCK + " WHERE id = :id FOR UPDATE")
                .bind("id", subnetId)
                .map((rs, ctx) -> Locked.of(rs))
                .findOne().orElseThrow(() -> new NotFound("subnet " + subnetId + " does not exist"))
                .open(h, cache, new PendingWrites());
    }

    /** What locking a subnet reads: its columns, counters and layout number. */
    static final String LOCK = "SELECT " + Rows.SUBNET_COLUMNS + ", allocated_count, reserved_count, quarantined_count,"
            + " layout_seq FROM subnet";

    /** One locked subnet row, before its ranges are attached. */
    record Locked(Subnet subnet, long allocated, long reserved, long quarantined, long layoutSeq) {
        static Locked of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Locked(Rows.subnet(rs), rs.getLong("allocated_count"), rs.getLong("reserved_count"),
                    rs.getLong("quarantined_count"), rs.getLong("layout_seq"));
        }

        LockedSubnet open(Handle h, RangeCache cache, PendingWrites writes) {
            List<IpRange> ranges = cache == null ? RangeCache.load(h, subnet.id()) : cache.ranges(h, subnet.id(), layoutSeq);
            return LockedSubnet.of(this, ranges, writes);
        }
    }

    private static LockedSubnet of(Locked row, List<IpRange> ranges, PendingWrites writes) {
        LockedSubnet ls = new LockedSubnet(new SubnetLayout(row.subnet(), ranges), writes);
        Counts whole = new Counts();
        whole.allocated = row.allocated();
        whole.reserved = row.reserved();
        whole.quarantined = row.quarantined();
        ls.stored.put(WHOLE, whole);
        if (ranges.isEmpty()) {
            Counts outside = new Counts();
            outside.allocated = whole.allocated;
            outside.reserved = whole.reserved;
            outside.quarantined = whole.quarantined;
            ls.stored.put(SubnetLayout.NO_RANGE, outside);
        }
        return ls;
    }

    /** The per-range counters, loaded on first need (a subnet without ranges never needs them). */
    private void loadRangeCounts(Handle h) {
        Counts whole = stored.get(WHOLE);
        Counts outside = new Counts();
        outside.allocated = whole.allocated;
        outside.reserved = whole.reserved;
        outside.quarantined = whole.quarantined;
        h.createQuery("SELECT id, allocated_count, reserved_count, quarantined_count FROM ip_range WHERE subnet_id = :id")
                .bind("id", subnet().id())
                .map((rs, ctx) -> {
                    Counts c = new Counts();
                    c.allocated = rs.getLong("allocated_count");
                    c.reserved = rs.getLong("reserved_count");
                    c.quarantined = rs.getLong("quarantined_count");
                    stored.put(rs.getLong("id"), c);
                    outside.allocated -= c.allocated;
                    outside.reserved -= c.reserved;
                    outside.quarantined -= c.quarantined;
                    return c;
                }).list();
        stored.put(SubnetLayout.NO_RANGE, outside);
        rangeCountsLoaded = true;
    }

    public SubnetLayout layout() {
        return layout;
    }

    public Subnet subnet() {
        return layout.subnet();
    }

    /** The batch's view of the free-extent index (cached lowest extents, written back by {@link #settle}). */
    public ExtentHeads heads() {
        return heads;
    }

    /** Rows written behind: inserted in JDBC batches by {@link #settle}. */
    public PendingWrites writes() {
        return writes;
    }

    /** Records that one address of {@code poolId} entered ({@code +1}) or left ({@code -1}) {@code state}. */
    public void count(long poolId, AllocationState state, long delta) {
        requestDelta.computeIfAbsent(poolId, k -> new Counts()).add(state, delta);
        requestDelta.computeIfAbsent(WHOLE, k -> new Counts()).add(state, delta);
    }

    /** Live addresses of the whole subnet, including this batch's pending changes. */
    public long live() {
        return sum(WHOLE);
    }

    /** Live addresses of a pool, including this batch's pending changes. */
    public long live(Handle h, long poolId) {
        if (!rangeCountsLoaded) {
            loadRangeCounts(h);
        }
        return sum(poolId);
    }

    private long sum(long key) {
        long n = 0;
        for (Map<Long, Counts> m : List.of(stored, batchDelta, requestDelta)) {
            Counts c = m.get(key);
            if (c != null) {
                n += c.live();
            }
        }
        return n;
    }

    /** Grows with every write-behind change: equal marks before and after a request mean it left nothing behind. */
    public long mark() {
        return writes.added() + heads.changes();
    }

    public void keepRequest() {
        requestDelta.forEach((k, d) -> {
            Counts b = batchDelta.computeIfAbsent(k, x -> new Counts());
            b.allocated += d.allocated;
            b.reserved += d.reserved;
            b.quarantined += d.quarantined;
        });
        requestDelta.clear();
    }

    /** Drops the counter changes of the current request (its rows were rolled back or never written). */
    public void discardRequest() {
        requestDelta.clear();
    }

    /**
     * Drops everything not yet written: after a rollback to a savepoint that covered the request's flushed writes,
     * the cached heads no longer match the database.
     */
    public void discardUnwritten() {
        requestDelta.clear();
        writes.clear();
        heads.forget();
    }

    /** Writes the cached extent heads and the written-behind rows (the free-extent index is then exact in SQL). */
    public void settle(Handle h) {
        heads.flush(h);
        writes.flush(h);
    }

    /**
     * Hands over the batch's counter changes, one {@code {id, allocated, reserved, quarantined}} per touched row of
     * {@code subnet} and {@code ip_range}, and forgets them.
     */
    void collectCounters(List<long[]> subnetRows, List<long[]> rangeRows) {
        keepRequest();
        for (Map.Entry<Long, Counts> e : batchDelta.entrySet()) {
            Counts d = e.getValue();
            if (e.getKey() == SubnetLayout.NO_RANGE || d.isZero()) {
                continue;
            }
            long[] row = {e.getKey() == WHOLE ? subnet().id() : e.getKey(), d.allocated, d.reserved, d.quarantined};
            (e.getKey() == WHOLE ? subnetRows : rangeRows).add(row);
        }
        batchDelta.clear();
    }
}
