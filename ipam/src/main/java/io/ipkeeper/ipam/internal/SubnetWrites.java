package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OverlappingSubnet;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Subnet creation under the space lock ({@code SELECT ... FROM address_space FOR UPDATE}): two racing creations in
 * one space cannot both pass the overlap check. Lock order is always space, then subnet, as in the allocation path
 * (which takes only the subnet lock), so the two never deadlock.
 */
public final class SubnetWrites {

    private SubnetWrites() {}

    public static void lockSpace(Handle h, long spaceId) {
        h.createQuery("SELECT id FROM address_space WHERE id = :id FOR UPDATE").bind("id", spaceId).mapTo(Long.class)
                .findOne().orElseThrow(() -> new NotFound("address space " + spaceId + " does not exist"));
    }

    public static Optional<Subnet> find(Handle h, long id) {
        return h.createQuery("SELECT " + Rows.SUBNET_COLUMNS + " FROM subnet WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> Rows.subnet(rs)).findOne();
    }

    /** The smallest subnet of the space that strictly contains {@code p}, or empty. */
    public static Optional<Subnet> parentOf(Handle h, long spaceId, Prefix p) {
        return h.createQuery("SELECT " + Rows.SUBNET_COLUMNS + " FROM subnet WHERE space_id = :s AND ip_version = :v"
                        + " AND first_address <= :f AND last_address >= :l AND prefix_length < :len"
                        + " ORDER BY prefix_length DESC LIMIT 1")
                .bind("s", spaceId).bind("v", p.version().number()).bind("f", p.first().toBytes())
                .bind("l", p.last().toBytes()).bind("len", p.length())
                .map((rs, ctx) -> Rows.subnet(rs)).findOne();
    }

    /** Any subnet equal to or inside {@code p} (prefixes either nest or are disjoint, so these are the overlaps). */
    public static Optional<Subnet> firstInside(Handle h, long spaceId, Prefix p) {
        return h.createQuery("SELECT " + Rows.SUBNET_COLUMNS + " FROM subnet WHERE space_id = :s AND ip_version = :v"
                        + " AND first_address >= :f AND first_address <= :l AND last_address <= :l ORDER BY first_address LIMIT 1")
                .bind("s", spaceId).bind("v", p.version().number()).bind("f", p.first().toBytes()).bind("l", p.last().toBytes())
                .map((rs, ctx) -> Rows.subnet(rs)).findOne();
    }

    /**
     * Why {@code gateway} cannot become the gateway of the locked leaf, or null when it can: it must not be handed
     * out already. (Network/broadcast and "inside the prefix" are checked with the other attributes.)
     */
    public static String gatewayConflict(Handle h, LockedSubnet ls, IpAddress gateway) {
        if (gateway == null || gateway.equals(ls.subnet().gateway())) {
            return null;
        }
        return AllocationRows.findByAddress(h, ls.subnet().spaceId(), gateway)
                .map(a -> gateway + " is " + a.state().label() + " (allocation " + a.id() + "); release it before making it"
                        + " the gateway")
                .orElse(null);
    }

    /** Moves the gateway in the free-space index: the new one leaves it, the old one (if allocatable) returns. */
    public static void moveGateway(Handle h, LockedSubnet ls, IpAddress from, IpAddress to) {
        SubnetLayout layout = ls.layout();
        long subnetId = ls.subnet().id();
        if (to != null) {
            FreeExtent e = FreeExtents.containing(h, subnetId, layout.poolOf(to), to);
            if (e != null) { // absent when inside a reserved range: never allocatable anyway
                FreeExtents.take(h, subnetId, e, to);
            }
        }
        if (from != null) {
            IpRange r = layout.rangeOf(from);
            if (r == null || r.purpose() != RangePurpose.RESERVED) {
                FreeExtents.addFree(h, subnetId, layout.poolOf(from), AddressRange.of(from));
            }
        }
    }

    /**
     * Deletes a subnet (space already locked; the caller checked it is empty). Its prefix returns to its container's
     * free space, and a container whose last child this was becomes a leaf again: an empty container and an empty
     * leaf differ only in what they can hold next, and a leaf can always be turned back into a container by creating
     * a child in it (or by {@code allocateChildPrefix}), while the reverse was impossible before.
     */
    public static void delete(Handle h, String principal, Instant now, Subnet s) {
        FreeExtents.deleteSubnet(h, s.id());
        h.createUpdate("DELETE FROM subnet WHERE id = :id").bind("id", s.id()).execute();
        AuditLog.record(h, now, principal, "subnet.delete", "subnet", s.id(), s.spaceId(), s, null);
        if (s.parentId() == null) {
            return;
        }
        Subnet parent = LockedSubnet.lock(h, s.parentId()).subnet();
        ContainerSpace.giveBack(h, parent.id(), s.prefix());
        boolean childless = h.createQuery("SELECT id FROM subnet WHERE parent_id = :p LIMIT 1").bind("p", parent.id())
                .mapTo(Long.class).findOne().isEmpty();
        if (childless) {
            FreeExtents.deleteSubnet(h, parent.id());
            h.createUpdate("UPDATE subnet SET is_container = FALSE, layout_seq = layout_seq + 1 WHERE id = :id")
                    .bind("id", parent.id()).execute();
            Subnet leaf = find(h, parent.id()).orElseThrow();
            FreeExtents.insertAll(h, leaf.id(), SubnetLayout.NO_RANGE, new SubnetLayout(leaf, List.of()).outsideRangeSegments());
            AuditLog.record(h, now, principal, "subnet.become_leaf", "subnet", leaf.id(), leaf.spaceId(), parent, leaf);
        }
    }

    /**
     * Inserts a subnet (space already locked) after the overlap checks; turns an empty leaf parent into a container.
     * Leaves get their free extents.
     */
    public static Subnet insert(Handle h, String principal, Instant now, long spaceId, Prefix p, boolean container,
                                IpAddress gateway, Integer vlan, List<IpAddress> dns, String description, Integer threshold) {
        Optional<Subnet> inside = firstInside(h, spaceId, p);
        if (inside.isPresent()) {
            Subnet o = inside.get();
            throw new OverlappingSubnet(p + " overlaps existing subnet " + o.prefix() + " (id " + o.id() + ")"
                    + (o.prefix().equals(p) ? "" : "; create the larger prefix first, then the smaller ones inside it"));
        }
        Optional<Subnet> parent = parentOf(h, spaceId, p);
        if (parent.isPresent()) {
            Subnet par = parent.get();
            LockedSubnet locked = LockedSubnet.lock(h, par.id());
            if (!par.container()) {
                if (locked.live() > 0 || !locked.layout().ranges().isEmpty()) {
                    throw new SubnetNotEmpty("cannot nest " + p + " in " + par.prefix() + " (id " + par.id() + "): it is a leaf"
                            + " holding " + locked.live() + " allocation(s) and " + locked.layout().ranges().size() + " range(s)");
                }
                FreeExtents.deleteSubnet(h, par.id());
                h.createUpdate("UPDATE subnet SET is_container = TRUE, layout_seq = layout_seq + 1 WHERE id = :id")
                        .bind("id", par.id()).execute();
                ContainerSpace.init(h, par);
                AuditLog.record(h, now, principal, "subnet.become_container", "subnet", par.id(), spaceId, par,
                        find(h, par.id()).orElseThrow());
            }
            ContainerSpace.carve(h, par.id(), p);
        }
        long id = h.createUpdate("INSERT INTO subnet (space_id, parent_id, ip_version, prefix, prefix_length, first_address,"
                        + " last_address, is_container, gateway, vlan, dns_servers, description, utilization_threshold,"
                        + " created_by, created_at) VALUES (:s, :parent, :v, :prefix, :len, :f, :l, :c, :gw, :vlan, :dns, :d, :t, :by, :at)")
                .bind("s", spaceId).bind("parent", parent.map(Subnet::id).orElse(null)).bind("v", p.version().number())
                .bind("prefix", p.toString()).bind("len", p.length()).bind("f", p.first().toBytes()).bind("l", p.last().toBytes())
                .bind("c", container).bind("gw", gateway == null ? null : gateway.toBytes()).bind("vlan", vlan)
                .bind("dns", dns.isEmpty() ? null : dns.stream().map(IpAddress::toString).collect(Collectors.joining(",")))
                .bind("d", description).bind("t", threshold).bind("by", principal).bind("at", Rows.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        Subnet s = find(h, id).orElseThrow();
        if (container) {
            ContainerSpace.init(h, s);
        } else {
            FreeExtents.insertAll(h, id, SubnetLayout.NO_RANGE, new SubnetLayout(s, List.of()).outsideRangeSegments());
        }
        AuditLog.record(h, now, principal, "subnet.create", "subnet", id, spaceId, null, s);
        return s;
    }
}
