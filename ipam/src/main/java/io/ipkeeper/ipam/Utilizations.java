package io.ipkeeper.ipam;

import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.internal.SubnetLayout;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.Utilization;
import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.ipam.net.Prefix;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Utilization from the counters kept in the allocating transactions: one row read plus the subnet's ranges. */
final class Utilizations {

    private Utilizations() {}

    /** Of the whole subnet ({@code range} null) or of one of its ranges. */
    static Utilization of(Handle h, Subnet s, IpRange range) {
        if (s.container()) {
            // A container's "allocated" addresses are those its child subnets cover.
            AddressCount covered = AddressCount.ZERO;
            for (String p : h.createQuery("SELECT prefix FROM subnet WHERE parent_id = :id").bind("id", s.id()).mapTo(String.class).list()) {
                covered = covered.plus(Prefix.parse(p).size());
            }
            return new Utilization(s.prefix().size(), covered.saturatedLong(), 0, 0, s.prefix().size().minus(covered),
                    s.utilizationThreshold());
        }
        List<IpRange> ranges = h.createQuery("SELECT " + Rows.RANGE_COLUMNS + " FROM ip_range WHERE subnet_id = :id")
                .bind("id", s.id()).map((rs, ctx) -> Rows.range(rs)).list();
        SubnetLayout layout = new SubnetLayout(s, ranges);
        String table = range == null ? "subnet" : "ip_range";
        long id = range == null ? s.id() : range.id();
        long[] c = h.createQuery("SELECT allocated_count, reserved_count, quarantined_count FROM " + table + " WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
        AddressCount size = range == null ? layout.capacity() : layout.capacity(range.id());
        return new Utilization(size, c[0], c[1], c[2], size.minus(c[0] + c[1] + c[2]), s.utilizationThreshold());
    }
}
