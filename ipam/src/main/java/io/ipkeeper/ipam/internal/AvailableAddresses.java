package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * "Which addresses are free?" without allocating (the REST API's {@code GET .../available}): the first {@code limit}
 * free addresses a request for {@code owner} could get, in address order. Reads only, takes no lock: one subnet row,
 * the cached ranges, one {@code ORDER BY end_address LIMIT n} seek per pool (extents never overlap: the same order), and, only when the subnet has
 * quarantined rows, one query for those whose cooldown has ended.
 */
public final class AvailableAddresses {

    private AvailableAddresses() {}

    public static List<IpAddress> list(Handle h, RangeCache cache, long subnetId, Long rangeId, String owner, Instant now,
                                       int limit) {
        Object[] row = h.createQuery("SELECT " + Rows.SUBNET_COLUMNS + ", quarantined_count, layout_seq FROM subnet WHERE id = :id")
                .bind("id", subnetId)
                .map((rs, ctx) -> new Object[] {Rows.subnet(rs), rs.getLong("quarantined_count"), rs.getLong("layout_seq")})
                .findOne().orElseThrow(() -> new NotFound("subnet " + subnetId + " does not exist"));
        Subnet s = (Subnet) row[0];
        if (s.container()) {
            throw new AllocationInContainer("subnet " + s.prefix() + " (id " + s.id() + ") is a container: it holds child"
                    + " prefixes, not addresses");
        }
        SubnetLayout layout = new SubnetLayout(s, cache.ranges(h, subnetId, (Long) row[2]));
        List<Long> pools = AllocationWork.eligiblePools(layout, rangeId, owner);
        TreeSet<IpAddress> found = new TreeSet<>();
        for (long pool : pools) {
            h.createQuery("SELECT start_address, end_address FROM free_extent WHERE subnet_id = :s AND range_id = :p"
                            + " ORDER BY end_address LIMIT :n")
                    .bind("s", subnetId).bind("p", pool).bind("n", limit)
                    .map((rs, ctx) -> {
                        IpAddress a = Rows.address(rs, "start_address");
                        IpAddress end = Rows.address(rs, "end_address");
                        for (int i = 0; i < limit; i++) {
                            found.add(a);
                            if (a.equals(end)) {
                                break;
                            }
                            a = a.next();
                        }
                        return a;
                    }).list();
        }
        if ((Long) row[1] > 0) {
            for (long pool : pools) {
                String rangeCond = pool == SubnetLayout.NO_RANGE ? "range_id IS NULL" : "range_id = :p";
                found.addAll(h.createQuery("SELECT address FROM allocation WHERE subnet_id = :s AND state = 'quarantined'"
                                + " AND " + rangeCond + " AND quarantine_until <= :now ORDER BY address LIMIT :n")
                        .bind("s", subnetId).bind("p", pool).bind("now", Rows.ts(now)).bind("n", limit)
                        .map((rs, ctx) -> Rows.address(rs, "address")).list());
            }
        }
        List<IpAddress> out = new ArrayList<>(Math.min(limit, found.size()));
        for (IpAddress a : found) {
            if (out.size() == limit) {
                break;
            }
            out.add(a);
        }
        return out;
    }
}
