package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.error.OverlappingRange;
import io.ipkeeper.ipam.error.RangeOutsideSubnet;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.net.AddressRange;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Changing a range's span or purpose, with the subnet locked: {@link #check()} reads and validates, {@link #apply()}
 * moves free space. Addresses that leave the range go back to the subnet's outside-range pool, addresses that join
 * it come out of that pool, and a purpose change to or from {@code reserved} drops or restores the range's own free
 * space. Extents are moved, not rebuilt: the work is proportional to the extents in the changed parts, not to the
 * range's size or allocations.
 */
public final class RangeMove {

    private final Handle h;
    private final LockedSubnet ls;
    private final IpRange from;
    private final IpRange to;

    public RangeMove(Handle h, LockedSubnet ls, IpRange from, IpRange to) {
        this.h = h;
        this.ls = ls;
        this.from = from;
        this.to = to;
    }

    private long subnetId() {
        return ls.subnet().id();
    }

    /** Validates the change; throws a typed error and writes nothing. */
    public void check() {
        AddressRange span = to.range();
        if (!ls.subnet().prefix().range().contains(span)) {
            throw new RangeOutsideSubnet("range " + span + " is not inside subnet " + ls.subnet().prefix());
        }
        for (IpRange o : ls.layout().ranges()) {
            if (o.id() != from.id() && o.range().overlaps(span)) {
                throw new OverlappingRange("range " + span + " overlaps range " + o.range() + " (id " + o.id() + ") of "
                        + ls.subnet().prefix());
            }
        }
        for (AddressRange part : minus(from.range(), span)) {
            long n = count("range_id = :r", part);
            if (n > 0) {
                throw new SubnetNotEmpty("range " + from.range() + " (id " + from.id() + ") holds " + n + " live allocation(s) in "
                        + part + ", which the new span " + span + " leaves out; release them first");
            }
        }
        for (AddressRange part : minus(span, from.range())) {
            long n = count("1 = 1", part);
            if (n > 0) {
                throw new SubnetNotEmpty("the new span " + span + " covers " + n + " live allocation(s) in " + part
                        + " outside the range; a range may only grow over free address space");
            }
        }
        if (to.purpose() == RangePurpose.RESERVED && from.purpose() != RangePurpose.RESERVED && ls.live(h, from.id()) > 0) {
            throw new SubnetNotEmpty("range " + from.range() + " (id " + from.id() + ") holds " + ls.live(h, from.id())
                    + " live allocation(s); release them before making it reserved");
        }
    }

    private long count(String cond, AddressRange part) {
        return h.createQuery("SELECT COUNT(*) FROM allocation WHERE subnet_id = :s AND " + cond
                        + " AND address >= :a AND address <= :b")
                .bind("s", subnetId()).bind("r", from.id()).bind("a", part.start().toBytes()).bind("b", part.end().toBytes())
                .mapTo(Long.class).one();
    }

    /** Moves free space to match the new span and purpose (call after {@link #check()}). */
    public void apply() {
        boolean wasReserved = from.purpose() == RangePurpose.RESERVED;
        boolean isReserved = to.purpose() == RangePurpose.RESERVED;
        // 1. the span, keeping the old purpose
        for (AddressRange leaving : minus(from.range(), to.range())) {
            List<AddressRange> free = wasReserved ? ls.layout().allocatableSegments(leaving)
                    : FreeExtents.cut(h, subnetId(), from.id(), leaving);
            free.forEach(r -> FreeExtents.addFree(h, subnetId(), SubnetLayout.NO_RANGE, r));
        }
        for (AddressRange joining : minus(to.range(), from.range())) {
            List<AddressRange> free = FreeExtents.cut(h, subnetId(), SubnetLayout.NO_RANGE, joining);
            if (!wasReserved) {
                free.forEach(r -> FreeExtents.addFree(h, subnetId(), from.id(), r));
            }
        }
        // 2. the purpose, on the new span (a reserved range holds no allocations, so all of it is free)
        if (isReserved && !wasReserved) {
            FreeExtents.cut(h, subnetId(), from.id(), to.range());
        } else if (wasReserved && !isReserved) {
            FreeExtents.insertAll(h, subnetId(), from.id(), ls.layout().allocatableSegments(to.range()));
        }
    }

    /** The parts of {@code a} outside {@code b} (zero, one or two ranges). */
    static List<AddressRange> minus(AddressRange a, AddressRange b) {
        List<AddressRange> out = new ArrayList<>(2);
        if (!a.overlaps(b)) {
            out.add(a);
            return out;
        }
        if (a.start().isBefore(b.start())) {
            out.add(new AddressRange(a.start(), b.start().previous()));
        }
        if (a.end().isAfter(b.end())) {
            out.add(new AddressRange(b.end().next(), a.end()));
        }
        return out;
    }

}
