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
 * A leaf or container subnet whose row this transaction has locked ({@code SELECT ... FOR UPDATE}), with its ranges
 * and live counters. Counter changes are collected per request and written once per batch: a request that fails is
 * dropped with its changes ({@link #discardRequest()}), a request that succeeds keeps them ({@link #keepRequest()}).
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
    }

    private static final long WHOLE = -1;

    private final SubnetLayout layout;
    private final Map<Long, Counts> stored = new HashMap<>();
    private final Map<Long, Counts> batchDelta = new HashMap<>();
    private final Map<Long, Counts> requestDelta = new HashMap<>();

    private LockedSubnet(SubnetLayout layout) {
        this.layout = layout;
    }

    /** Locks the subnet row and loads what allocation needs; throws NotFound when the subnet does not exist. */
    public static LockedSubnet lock(Handle h, long subnetId) {
        Map<String, Object> counts = h.createQuery("SELECT allocated_count, reserved_count, quarantined_count FROM subnet"
                        + " WHERE id = :id FOR UPDATE")
                .bind("id", subnetId).mapToMap().findOne()
                .orElseThrow(() -> new NotFound("subnet " + subnetId + " does not exist"));
        Subnet subnet = h.createQuery("SELECT " + Rows.SUBNET_COLUMNS + " FROM subnet WHERE id = :id")
                .bind("id", subnetId).map((rs, ctx) -> Rows.subnet(rs)).one();
        List<IpRange> ranges = h.createQuery("SELECT " + Rows.RANGE_COLUMNS
                        + ", allocated_count, reserved_count, quarantined_count FROM ip_range WHERE subnet_id = :id"
                        + " ORDER BY start_address")
                .bind("id", subnetId).map((rs, ctx) -> Rows.range(rs)).list();
        LockedSubnet ls = new LockedSubnet(new SubnetLayout(subnet, ranges));
        Counts whole = new Counts();
        whole.allocated = ((Number) counts.get("allocated_count")).longValue();
        whole.reserved = ((Number) counts.get("reserved_count")).longValue();
        whole.quarantined = ((Number) counts.get("quarantined_count")).longValue();
        ls.stored.put(WHOLE, whole);
        Counts outside = new Counts();
        outside.allocated = whole.allocated;
        outside.reserved = whole.reserved;
        outside.quarantined = whole.quarantined;
        h.createQuery("SELECT id, allocated_count, reserved_count, quarantined_count FROM ip_range WHERE subnet_id = :id")
                .bind("id", subnetId)
                .map((rs, ctx) -> {
                    Counts c = new Counts();
                    c.allocated = rs.getLong("allocated_count");
                    c.reserved = rs.getLong("reserved_count");
                    c.quarantined = rs.getLong("quarantined_count");
                    ls.stored.put(rs.getLong("id"), c);
                    outside.allocated -= c.allocated;
                    outside.reserved -= c.reserved;
                    outside.quarantined -= c.quarantined;
                    return c;
                }).list();
        ls.stored.put(SubnetLayout.NO_RANGE, outside);
        return ls;
    }

    public SubnetLayout layout() {
        return layout;
    }

    public Subnet subnet() {
        return layout.subnet();
    }

    /** Records that one address of {@code poolId} entered ({@code +1}) or left ({@code -1}) {@code state}. */
    public void count(long poolId, AllocationState state, long delta) {
        requestDelta.computeIfAbsent(poolId, k -> new Counts()).add(state, delta);
        requestDelta.computeIfAbsent(WHOLE, k -> new Counts()).add(state, delta);
    }

    /** Live addresses of a pool, including this batch's pending changes. */
    public long live(long poolId) {
        long n = 0;
        for (Map<Long, Counts> m : List.of(stored, batchDelta, requestDelta)) {
            Counts c = m.get(poolId);
            if (c != null) {
                n += c.live();
            }
        }
        return n;
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

    public void discardRequest() {
        requestDelta.clear();
    }

    /** Writes the batch's counter changes (one UPDATE per touched row). */
    public void flush(Handle h) {
        keepRequest();
        for (Map.Entry<Long, Counts> e : batchDelta.entrySet()) {
            Counts d = e.getValue();
            if (e.getKey() == SubnetLayout.NO_RANGE || (d.allocated == 0 && d.reserved == 0 && d.quarantined == 0)) {
                continue;
            }
            String table = e.getKey() == WHOLE ? "subnet" : "ip_range";
            long id = e.getKey() == WHOLE ? subnet().id() : e.getKey();
            h.createUpdate("UPDATE " + table + " SET allocated_count = allocated_count + :a, reserved_count = reserved_count + :r,"
                            + " quarantined_count = quarantined_count + :q WHERE id = :id")
                    .bind("a", d.allocated).bind("r", d.reserved).bind("q", d.quarantined).bind("id", id).execute();
        }
        batchDelta.clear();
    }
}
