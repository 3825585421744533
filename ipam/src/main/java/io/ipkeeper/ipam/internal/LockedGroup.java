package io.ipkeeper.ipam.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The subnets one combined transaction serves, locked in one query in ascending id order (so two transactions that
 * lock overlapping sets cannot deadlock each other), sharing one set of write-behind batches: however many subnets
 * and requests a batch holds, its rows cost one JDBC batch per table.
 */
final class LockedGroup {

    private final Map<Long, LockedSubnet> subnets;
    private final PendingWrites writes;

    private LockedGroup(Map<Long, LockedSubnet> subnets, PendingWrites writes) {
        this.subnets = subnets;
        this.writes = writes;
    }

    /** Locks the existing subnets among {@code ids} (sorted ascending); a missing one is simply absent. */
    static LockedGroup lock(Handle h, List<Long> ids, RangeCache cache) {
        // bound, not inlined: the statement text repeats per list size, so it is parsed and planned once
        List<LockedSubnet.Locked> rows = h.createQuery(LockedSubnet.LOCK + " WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
                .bindList("ids", ids).map((rs, ctx) -> LockedSubnet.Locked.of(rs)).list();
        PendingWrites writes = new PendingWrites();
        Map<Long, LockedSubnet> locked = new HashMap<>();
        for (LockedSubnet.Locked row : rows) {
            locked.put(row.subnet().id(), row.open(h, cache, writes));
        }
        List<Long> leaves = locked.values().stream().filter(ls -> !ls.subnet().container()).map(ls -> ls.subnet().id()).toList();
        if (leaves.size() > 1) {
            preloadLowestExtents(h, leaves, locked);
        }
        return new LockedGroup(locked, writes);
    }

    /**
     * Reads the lowest free extent outside every range of several subnets in one query (a correlated LIMIT 1 seek per
     * subnet), instead of one query per subnet when their first "next free" request asks.
     */
    private static void preloadLowestExtents(Handle h, List<Long> leaves, Map<Long, LockedSubnet> locked) {
        Map<Long, FreeExtent> lowest = new HashMap<>();
        h.createQuery("SELECT id, subnet_id, range_id, start_address, end_address FROM free_extent WHERE id IN ("
                        + "SELECT (SELECT e.id FROM free_extent e WHERE e.subnet_id = s.id AND e.range_id = 0"
                        + " ORDER BY e.end_address LIMIT 1) FROM subnet s WHERE s.id IN (<ids>))")
                .bindList("ids", leaves).map((rs, ctx) -> lowest.put(rs.getLong("subnet_id"), FreeExtents.map(rs))).list();
        for (long id : leaves) {
            locked.get(id).heads().preload(SubnetLayout.NO_RANGE, lowest.get(id));
        }
    }

    /** The locked subnet, or null when it does not exist. */
    LockedSubnet get(long id) {
        return subnets.get(id);
    }

    /** Writes the batch: extents, rows, then the counters, each as one statement (or JDBC batch) per table. */
    void flush(Handle h) {
        List<Long> deletes = new ArrayList<>();
        List<FreeExtent> trims = new ArrayList<>();
        List<long[]> subnetCounts = new ArrayList<>();
        List<long[]> rangeCounts = new ArrayList<>();
        for (LockedSubnet ls : subnets.values()) {
            ls.heads().collect(deletes, trims);
            ls.collectCounters(subnetCounts, rangeCounts);
        }
        ExtentHeads.write(h, deletes, trims);
        writes.flush(h);
        BulkUpdates.addCounts(h, "subnet", subnetCounts);
        BulkUpdates.addCounts(h, "ip_range", rangeCounts);
    }

}
