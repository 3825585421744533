package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.util.Iterator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The free-space index of a container: {@code free_extent} rows of pool 0 covering its prefix minus its children, so
 * "lowest free /n" walks free space in address order from the bottom and stops at the first extent that holds an
 * aligned /n. It never reads the children. Its cost is one seek plus the free holes below the answer that are too
 * small for /n: one row when children are packed from the bottom, however many children the container has.
 * Maintained under the space lock by every subnet create and delete ({@link SubnetWrites}).
 */
public final class ContainerSpace {

    private ContainerSpace() {}

    /** A new (or newly converted) container: all of its prefix is free. */
    static void init(Handle h, Subnet container) {
        FreeExtents.insert(h, container.id(), SubnetLayout.NO_RANGE, container.prefix().range());
    }

    /** Removes a new child's prefix from its container's free space (it lies inside one free extent). */
    static void carve(Handle h, long containerId, Prefix child) {
        AddressRange c = child.range();
        FreeExtent e = FreeExtents.containing(h, containerId, SubnetLayout.NO_RANGE, c.start());
        if (e == null || !e.range().contains(c)) {
            throw new IllegalStateException("free space of container " + containerId + " does not cover new child " + child);
        }
        FreeExtents.delete(h, e.id());
        if (e.range().start().isBefore(c.start())) {
            FreeExtents.insert(h, containerId, SubnetLayout.NO_RANGE, new AddressRange(e.range().start(), c.start().previous()));
        }
        if (e.range().end().isAfter(c.end())) {
            FreeExtents.insert(h, containerId, SubnetLayout.NO_RANGE, new AddressRange(c.end().next(), e.range().end()));
        }
    }

    /** Returns a deleted child's prefix to its container's free space (merging with neighbours). */
    static void giveBack(Handle h, long containerId, Prefix child) {
        FreeExtents.addFree(h, containerId, SubnetLayout.NO_RANGE, child.range());
    }

    /** The lowest free aligned /length block of the container, or null when none is left. */
    public static Prefix lowestFit(Handle h, Subnet container, int length) {
        try (var extents = h.createQuery("SELECT id, range_id, start_address, end_address FROM free_extent"
                        + " WHERE subnet_id = :s AND range_id = 0 ORDER BY end_address")
                .bind("s", container.id()).setFetchSize(16).map((rs, ctx) -> FreeExtents.map(rs)).iterator()) {
            while (extents.hasNext()) {
                Prefix fit = firstAligned(extents.next().range(), length);
                if (fit != null) {
                    return fit;
                }
            }
            return null;
        }
    }

    /** The lowest aligned /length block inside {@code r}, or null. */
    public static Prefix firstAligned(AddressRange r, int length) {
        Prefix cand = Prefix.containing(r.start(), length);
        if (!cand.first().equals(r.start())) {
            if (cand.last().isMax()) {
                return null;
            }
            cand = Prefix.containing(cand.last().next(), length);
        }
        return cand.first().isBefore(r.start()) || cand.last().isAfter(r.end()) ? null : cand;
    }

    /** The container's free space as it should be: its prefix minus its children (sorted), as maximal runs. */
    static List<AddressRange> expected(Subnet container, List<Prefix> children) {
        java.util.ArrayList<AddressRange> out = new java.util.ArrayList<>();
        IpAddress from = container.prefix().first();
        Iterator<Prefix> it = children.iterator();
        while (it.hasNext()) {
            Prefix c = it.next();
            if (from != null && c.first().isAfter(from)) {
                out.add(new AddressRange(from, c.first().previous()));
            }
            from = c.last().equals(container.prefix().last()) ? null : c.last().next();
        }
        if (from != null) {
            out.add(new AddressRange(from, container.prefix().last()));
        }
        return out;
    }
}
