package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Verifies the free-space index of a subnet against its rows. For a container: its extents are exactly its prefix
 * minus its children. For a leaf: per pool, the extents must be disjoint, maximal,
 * inside the pool's allocatable segments, disjoint from every live allocation, and together with the live rows cover
 * the pool's capacity exactly; the counters must equal the rows. Used by tests and by operators after a crash.
 */
public final class FreeIndexCheck {

    private FreeIndexCheck() {}

    /** The list of problems found (empty when consistent). */
    public static List<String> check(Handle h, long subnetId) {
        List<String> problems = new ArrayList<>();
        LockedSubnet ls = LockedSubnet.lock(h, subnetId);
        SubnetLayout layout = ls.layout();
        if (ls.subnet().container()) {
            // a container's free space is its prefix minus its children, as maximal runs
            List<io.ipkeeper.ipam.net.Prefix> children = h.createQuery("SELECT prefix FROM subnet WHERE parent_id = :s"
                    + " ORDER BY first_address").bind("s", subnetId).mapTo(String.class).list().stream()
                    .map(io.ipkeeper.ipam.net.Prefix::parse).toList();
            List<AddressRange> expected = ContainerSpace.expected(ls.subnet(), children);
            List<AddressRange> actual = FreeExtents.all(h, subnetId).stream().map(FreeExtent::range).toList();
            if (!actual.equals(expected)) {
                problems.add("container free space " + actual + " != prefix minus children " + expected);
            }
            if (ls.live() > 0) {
                problems.add("container has " + ls.live() + " live allocations");
            }
            return problems;
        }
        List<FreeExtent> extents = FreeExtents.all(h, subnetId);
        Map<Long, List<FreeExtent>> byPool = new TreeMap<>();
        extents.forEach(e -> byPool.computeIfAbsent(e.poolId(), k -> new ArrayList<>()).add(e));
        Map<Long, long[]> liveByPool = new TreeMap<>();
        List<IpAddress> live = new ArrayList<>();
        h.createQuery("SELECT address, range_id, state FROM allocation WHERE subnet_id = :s ORDER BY address").bind("s", subnetId)
                .map((rs, ctx) -> {
                    IpAddress a = Rows.address(rs, "address");
                    live.add(a);
                    Long rid = Rows.nullableLong(rs, "range_id");
                    long pool = rid == null ? SubnetLayout.NO_RANGE : rid;
                    long[] c = liveByPool.computeIfAbsent(pool, k -> new long[3]);
                    c[switch (rs.getString("state")) { case "allocated" -> 0; case "reserved" -> 1; default -> 2; }]++;
                    if (layout.poolOf(a) != pool) {
                        problems.add("allocation " + a + " is tagged with pool " + pool + " but lies in pool " + layout.poolOf(a));
                    }
                    if (layout.exclusionReason(a) != null) {
                        problems.add("allocation of a never-allocatable address: " + layout.exclusionReason(a));
                    }
                    return a;
                }).list();
        // disjoint from live rows: merge-walk the sorted lists
        int j = 0;
        for (FreeExtent e : extents) {
            while (j < live.size() && live.get(j).isBefore(e.range().start())) {
                j++;
            }
            if (j < live.size() && e.range().contains(live.get(j))) {
                problems.add("extent " + e.range() + " contains live address " + live.get(j));
            }
        }
        List<Long> pools = new ArrayList<>();
        pools.add(SubnetLayout.NO_RANGE);
        layout.ranges().forEach(r -> pools.add(r.id()));
        long[] total = new long[3];
        for (long pool : pools) {
            List<FreeExtent> es = byPool.getOrDefault(pool, List.of());
            List<AddressRange> segments = pool == SubnetLayout.NO_RANGE ? layout.outsideRangeSegments()
                    : layout.ranges().stream().filter(r -> r.id() == pool).findFirst()
                    .map(r -> r.purpose() == io.ipkeeper.ipam.model.RangePurpose.RESERVED ? List.<AddressRange>of()
                            : layout.allocatableSegments(r.range())).orElse(List.of());
            AddressCount sum = AddressCount.ZERO;
            FreeExtent prev = null;
            for (FreeExtent e : es) {
                sum = sum.plus(e.range().size());
                if (segments.stream().noneMatch(s -> s.contains(e.range()))) {
                    problems.add("extent " + e.range() + " of pool " + pool + " is not inside an allocatable segment");
                }
                if (prev != null && !prev.range().end().isBefore(e.range().start())) {
                    problems.add("extents " + prev.range() + " and " + e.range() + " overlap");
                }
                FreeExtent before = prev;
                if (before != null && before.range().end().next().equals(e.range().start())
                        && segments.stream().anyMatch(s -> s.contains(before.range().end()) && s.contains(e.range().start()))) {
                    problems.add("extents " + prev.range() + " and " + e.range() + " are adjacent (not maximal)");
                }
                prev = e;
            }
            long[] c = liveByPool.getOrDefault(pool, new long[3]);
            AddressCount expected = layout.capacity(pool).minus(c[0] + c[1] + c[2]);
            if (!sum.equals(expected)) {
                problems.add("pool " + pool + ": extents hold " + sum + " addresses, expected capacity - live = " + expected);
            }
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
            }
            if (pool != SubnetLayout.NO_RANGE) {
                long[] stored = h.createQuery("SELECT allocated_count, reserved_count, quarantined_count FROM ip_range WHERE id = :id")
                        .bind("id", pool).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
                if (!java.util.Arrays.equals(stored, c)) {
                    problems.add("range " + pool + " counters " + java.util.Arrays.toString(stored) + " != rows " + java.util.Arrays.toString(c));
                }
            }
        }
        long[] stored = h.createQuery("SELECT allocated_count, reserved_count, quarantined_count FROM subnet WHERE id = :id")
                .bind("id", subnetId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
        if (!java.util.Arrays.equals(stored, total)) {
            problems.add("subnet counters " + java.util.Arrays.toString(stored) + " != rows " + java.util.Arrays.toString(total));
        }
        return problems;
    }

}
