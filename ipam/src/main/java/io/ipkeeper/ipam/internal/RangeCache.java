package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.model.IpRange;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The ranges of each subnet, cached by the subnet's {@code layout_seq}. Every range write bumps that number in the
 * same transaction (under the subnet lock), and readers compare it with the row they just read, so a stale entry
 * is never used, whichever process made the change. Saves one query per allocation batch.
 */
public final class RangeCache {

    private record Entry(long layoutSeq, List<IpRange> ranges) {}

    private final ConcurrentHashMap<Long, Entry> bySubnet = new ConcurrentHashMap<>();

    /** The ranges of {@code subnetId} as of {@code layoutSeq} (read from the subnet row in this transaction). */
    public List<IpRange> ranges(Handle h, long subnetId, long layoutSeq) {
        Entry e = bySubnet.get(subnetId);
        if (e != null && e.layoutSeq() == layoutSeq) {
            return e.ranges();
        }
        List<IpRange> ranges = load(h, subnetId);
        bySubnet.put(subnetId, new Entry(layoutSeq, ranges));
        return ranges;
    }

    public static List<IpRange> load(Handle h, long subnetId) {
        return List.copyOf(h.createQuery("SELECT " + Rows.RANGE_COLUMNS + " FROM ip_range WHERE subnet_id = :id ORDER BY start_address")
                .bind("id", subnetId).map((rs, ctx) -> Rows.range(rs)).list());
    }

    /** Marks the layout of a subnet as changed; call in the transaction that changes its ranges or leaf status. */
    public static void bump(Handle h, long subnetId) {
        h.createUpdate("UPDATE subnet SET layout_seq = layout_seq + 1 WHERE id = :id").bind("id", subnetId).execute();
    }
}
