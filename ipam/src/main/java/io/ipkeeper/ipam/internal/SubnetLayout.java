package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses of a leaf subnet can ever be handed out, and to which pool each belongs: a range (pool id = range
 * id) or the part outside every range (pool 0). Network, IPv4 broadcast and the gateway are excluded everywhere;
 * reserved ranges are excluded as a whole.
 */
public final class SubnetLayout {

    public static final long NO_RANGE = 0;

    private final Subnet subnet;
    private final List<IpRange> ranges;

    public SubnetLayout(Subnet subnet, List<IpRange> ranges) {
        this.subnet = subnet;
        this.ranges = List.copyOf(ranges);
    }

    public Subnet subnet() {
        return subnet;
    }

    public List<IpRange> ranges() {
        return ranges;
    }

    /** Why {@code a} can never be handed out in this subnet, or null when it can. */
    public String exclusionReason(IpAddress a) {
        Prefix p = subnet.prefix();
        if (p.hasReservedEnds() && a.equals(p.first())) {
            return a + " is the network address of " + p;
        }
        if (p.hasReservedEnds() && p.version().bits() == 32 && a.equals(p.last())) {
            return a + " is the broadcast address of " + p;
        }
        if (a.equals(subnet.gateway())) {
            return a + " is the gateway of " + p;
        }
        IpRange r = rangeOf(a);
        if (r != null && r.purpose() == RangePurpose.RESERVED) {
            return a + " is in reserved range " + r.range() + " (id " + r.id() + ")";
        }
        return null;
    }

    /** The range containing {@code a}, or null. */
    public IpRange rangeOf(IpAddress a) {
        for (IpRange r : ranges) {
            if (r.range().contains(a)) {
                return r;
            }
        }
        return null;
    }

    public long poolOf(IpAddress a) {
        IpRange r = rangeOf(a);
        return r == null ? NO_RANGE : r.id();
    }

    /** {@code r} minus network, broadcast and gateway: the segments that may be handed out (reserved ranges ignored). */
    public List<AddressRange> allocatableSegments(AddressRange r) {
        List<IpAddress> cuts = new ArrayList<>(3);
        Prefix p = subnet.prefix();
        if (p.hasReservedEnds()) {
            cuts.add(p.first());
            if (p.version().bits() == 32) {
                cuts.add(p.last());
            }
        }
        if (subnet.gateway() != null) {
            cuts.add(subnet.gateway());
        }
        cuts.sort(null);
        List<AddressRange> out = new ArrayList<>();
        IpAddress from = r.start();
        for (IpAddress cut : cuts) {
            if (from == null || !r.contains(cut) || cut.isBefore(from)) {
                continue;
            }
            if (cut.isAfter(from)) {
                out.add(new AddressRange(from, cut.previous()));
            }
            from = cut.isMax() || cut.equals(r.end()) ? null : cut.next();
        }
        if (from != null && !from.isAfter(r.end())) {
            out.add(new AddressRange(from, r.end()));
        }
        return out;
    }

    /** Segments of the subnet outside every range (pool 0), allocatable only. */
    public List<AddressRange> outsideRangeSegments() {
        List<IpRange> sorted = new ArrayList<>(ranges);
        sorted.sort((x, y) -> x.range().start().compareTo(y.range().start()));
        List<AddressRange> gaps = new ArrayList<>();
        IpAddress from = subnet.prefix().first();
        for (IpRange r : sorted) {
            if (from != null && r.range().start().isAfter(from)) {
                gaps.add(new AddressRange(from, r.range().start().previous()));
            }
            from = r.range().end().isMax() || r.range().end().equals(subnet.prefix().last()) ? null : r.range().end().next();
        }
        if (from != null) {
            gaps.add(new AddressRange(from, subnet.prefix().last()));
        }
        List<AddressRange> out = new ArrayList<>();
        for (AddressRange g : gaps) {
            out.addAll(allocatableSegments(g));
        }
        return out;
    }

    /** Addresses of a pool that can ever be handed out (0 for reserved ranges). */
    public AddressCount capacity(long poolId) {
        if (poolId == NO_RANGE) {
            return sum(outsideRangeSegments());
        }
        for (IpRange r : ranges) {
            if (r.id() == poolId) {
                return r.purpose() == RangePurpose.RESERVED ? AddressCount.ZERO : sum(allocatableSegments(r.range()));
            }
        }
        return AddressCount.ZERO;
    }

    /** Addresses of the whole subnet that can ever be handed out. */
    public AddressCount capacity() {
        AddressCount c = capacity(NO_RANGE);
        for (IpRange r : ranges) {
            c = c.plus(capacity(r.id()));
        }
        return c;
    }

    private static AddressCount sum(List<AddressRange> segments) {
        AddressCount c = AddressCount.ZERO;
        for (AddressRange s : segments) {
            c = c.plus(s.size());
        }
        return c;
    }
}
