package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The free-space index (table {@code free_extent}). Every lookup is an index seek on (subnet, pool, end): finding the
 * next free address costs the same in a /8 or a /64 however many allocations it holds. The index is on the end, not
 * the start (V22), so that trimming an extent from the front, which every "lowest" allocation does, leaves every
 * indexed column alone and PostgreSQL updates the row in place (HOT). Extents of a pool never overlap, so their order
 * by end is their order by start, and every seek below is written on the end. Callers hold the subnet lock, so the
 * extents of a subnet never change under them.
 */
public final class FreeExtents {

    private static final String COLS = "id, range_id, start_address, end_address";

    private FreeExtents() {}

    static FreeExtent map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FreeExtent(rs.getLong("id"), rs.getLong("range_id"),
                new AddressRange(Rows.address(rs, "start_address"), Rows.address(rs, "end_address")));
    }

    /** The lowest extent of a pool, or null. */
    public static FreeExtent lowest(Handle h, long subnetId, long poolId) {
        return h.createQuery("SELECT " + COLS + " FROM free_extent WHERE subnet_id = :s AND range_id = :p"
                        + " ORDER BY end_address LIMIT 1")
                .bind("s", subnetId).bind("p", poolId)
                .map((rs, ctx) -> map(rs)).findOne().orElse(null);
    }

    /** The extent with the least end not below {@code a} (it contains {@code a} or lies above it), or null. */
    static FreeExtent ceilingByEnd(Handle h, long subnetId, long poolId, IpAddress a) {
        return h.createQuery("SELECT " + COLS + " FROM free_extent WHERE subnet_id = :s AND range_id = :p"
                        + " AND end_address >= :a ORDER BY end_address LIMIT 1")
                .bind("s", subnetId).bind("p", poolId).bind("a", a.toBytes())
                .map((rs, ctx) -> map(rs)).findOne().orElse(null);
    }

    /** The extent with the least end above {@code a}, or null. */
    private static FreeExtent higherByEnd(Handle h, long subnetId, long poolId, IpAddress a) {
        return h.createQuery("SELECT " + COLS + " FROM free_extent WHERE subnet_id = :s AND range_id = :p"
                        + " AND end_address > :a ORDER BY end_address LIMIT 1")
                .bind("s", subnetId).bind("p", poolId).bind("a", a.toBytes())
                .map((rs, ctx) -> map(rs)).findOne().orElse(null);
    }

    /** The extent with the greatest end below {@code a}, or null. */
    private static FreeExtent lowerByEnd(Handle h, long subnetId, long poolId, IpAddress a) {
        return h.createQuery("SELECT " + COLS + " FROM free_extent WHERE subnet_id = :s AND range_id = :p"
                        + " AND end_address < :a ORDER BY end_address DESC LIMIT 1")
                .bind("s", subnetId).bind("p", poolId).bind("a", a.toBytes())
                .map((rs, ctx) -> map(rs)).findOne().orElse(null);
    }

    /** The extent with the greatest start not above {@code a}, or null. */
    public static FreeExtent floor(Handle h, long subnetId, long poolId, IpAddress a) {
        // The first extent ending at or after a either contains a (then it is the floor) or lies wholly above it (then
        // the floor is the extent before it, the one with the greatest end below a).
        FreeExtent c = ceilingByEnd(h, subnetId, poolId, a);
        if (c != null && !c.range().start().isAfter(a)) {
            return c;
        }
        return lowerByEnd(h, subnetId, poolId, a);
    }

    /** The extent with the least start above {@code a}, or null. */
    public static FreeExtent higher(Handle h, long subnetId, long poolId, IpAddress a) {
        // The first extent ending after a starts after a, unless it contains a: then the answer is the one after it.
        FreeExtent c = higherByEnd(h, subnetId, poolId, a);
        if (c == null || c.range().start().isAfter(a)) {
            return c;
        }
        return higherByEnd(h, subnetId, poolId, c.range().end());
    }

    /** The extent containing {@code a}, or null when {@code a} is not free. One seek. */
    public static FreeExtent containing(Handle h, long subnetId, long poolId, IpAddress a) {
        FreeExtent f = ceilingByEnd(h, subnetId, poolId, a);
        return f != null && f.range().contains(a) ? f : null;
    }

    /** Streams every extent of a pool in address order (the exact fallback of the random strategy). */
    public static void forEach(Handle h, long subnetId, long poolId, Consumer<FreeExtent> sink) {
        h.createQuery("SELECT " + COLS + " FROM free_extent WHERE subnet_id = :s AND range_id = :p ORDER BY end_address")
                .bind("s", subnetId).bind("p", poolId)
                .map((rs, ctx) -> map(rs)).forEach(sink);
    }

    public static List<FreeExtent> all(Handle h, long subnetId) {
        return h.createQuery("SELECT " + COLS + " FROM free_extent WHERE subnet_id = :s ORDER BY end_address")
                .bind("s", subnetId).map((rs, ctx) -> map(rs)).list();
    }

    public static void insert(Handle h, long subnetId, long poolId, AddressRange r) {
        h.createUpdate("INSERT INTO free_extent (subnet_id, range_id, start_address, end_address) VALUES (:s, :p, :a, :b)")
                .bind("s", subnetId).bind("p", poolId).bind("a", r.start().toBytes()).bind("b", r.end().toBytes())
                .execute();
    }

    public static void insertAll(Handle h, long subnetId, long poolId, List<AddressRange> ranges) {
        for (AddressRange r : ranges) {
            insert(h, subnetId, poolId, r);
        }
    }

    public static void delete(Handle h, long extentId) {
        h.createUpdate("DELETE FROM free_extent WHERE id = :id").bind("id", extentId).execute();
    }

    public static void deleteSubnet(Handle h, long subnetId) {
        h.createUpdate("DELETE FROM free_extent WHERE subnet_id = :s").bind("s", subnetId).execute();
    }

    private static void setStart(Handle h, long extentId, IpAddress start) {
        h.createUpdate("UPDATE free_extent SET start_address = :a WHERE id = :id")
                .bind("a", start.toBytes()).bind("id", extentId).execute();
    }

    private static void setEnd(Handle h, long extentId, IpAddress end) {
        h.createUpdate("UPDATE free_extent SET end_address = :a WHERE id = :id")
                .bind("a", end.toBytes()).bind("id", extentId).execute();
    }

    /** Removes {@code a} from extent {@code e} (which must contain it), splitting the extent when needed. */
    public static void take(Handle h, long subnetId, FreeExtent e, IpAddress a) {
        AddressRange r = e.range();
        boolean atStart = a.equals(r.start());
        boolean atEnd = a.equals(r.end());
        if (atStart && atEnd) {
            delete(h, e.id());
        } else if (atStart) {
            setStart(h, e.id(), a.next());
        } else if (atEnd) {
            setEnd(h, e.id(), a.previous());
        } else {
            setEnd(h, e.id(), a.previous());
            insert(h, subnetId, e.poolId(), new AddressRange(a.next(), r.end()));
        }
    }

    /** The extents of a pool that overlap {@code r}, in address order (seeks, from the floor of its start). */
    public static List<FreeExtent> overlapping(Handle h, long subnetId, long poolId, AddressRange r) {
        List<FreeExtent> out = new ArrayList<>();
        FreeExtent f = floor(h, subnetId, poolId, r.start());
        if (f != null && f.range().overlaps(r)) {
            out.add(f);
        }
        IpAddress cursor = r.start();
        while (true) {
            FreeExtent n = higher(h, subnetId, poolId, cursor);
            if (n == null || n.range().start().isAfter(r.end())) {
                return out;
            }
            out.add(n);
            cursor = n.range().start();
        }
    }

    /** Removes {@code r} from a pool's extents (splitting those that stick out); returns the pieces removed. */
    public static List<AddressRange> cut(Handle h, long subnetId, long poolId, AddressRange r) {
        List<AddressRange> removed = new ArrayList<>();
        for (FreeExtent e : overlapping(h, subnetId, poolId, r)) {
            delete(h, e.id());
            AddressRange er = e.range();
            if (er.start().isBefore(r.start())) {
                insert(h, subnetId, poolId, new AddressRange(er.start(), r.start().previous()));
            }
            if (er.end().isAfter(r.end())) {
                insert(h, subnetId, poolId, new AddressRange(r.end().next(), er.end()));
            }
            removed.add(new AddressRange(IpAddress.max(er.start(), r.start()), IpAddress.min(er.end(), r.end())));
        }
        return removed;
    }

    /** Returns {@code r} to the pool, merging with adjacent extents so extents stay maximal. */
    public static void addFree(Handle h, long subnetId, long poolId, AddressRange r) {
        FreeExtent before = r.start().isZero() ? null : floor(h, subnetId, poolId, r.start().previous());
        FreeExtent after = r.end().isMax() ? null : floor(h, subnetId, poolId, r.end().next());
        boolean joinBefore = before != null && before.range().end().equals(r.start().previous());
        boolean joinAfter = after != null && after.range().start().equals(r.end().next());
        if (joinBefore && joinAfter) {
            delete(h, after.id());
            setEnd(h, before.id(), after.range().end());
        } else if (joinBefore) {
            setEnd(h, before.id(), r.end());
        } else if (joinAfter) {
            setStart(h, after.id(), r.start());
        } else {
            insert(h, subnetId, poolId, r);
        }
    }
}
