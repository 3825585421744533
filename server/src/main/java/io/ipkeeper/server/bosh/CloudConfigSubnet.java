package io.ipkeeper.server.bosh;

import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.IpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One director's entry in a BOSH cloud-config {@code networks[].subnets[]} list for a manual network.
 *
 * <p>What the director may assign on its own is {@code range} minus {@code reserved} (BOSH also skips the network,
 * broadcast and gateway addresses); {@code static} is the part of that it may use for {@code static_ips}. The
 * director's own addresses are its non-reserved blocks (ranges delegated to it) plus allocations recorded for it;
 * everything else in the subnet is reserved: other directors' blocks, reserved ranges, unowned space (engineers
 * allocate there), every live allocation of another owner, and the gateway. So two directors rendered from the same
 * subnet can never assign the same address, whatever either of them picks.
 *
 * @param range the subnet's CIDR
 * @param reserved address ranges the director must not assign, merged and sorted
 * @param staticRanges the static part of the director's blocks
 */
public record CloudConfigSubnet(String owner, Subnet subnet, List<AddressRange> reserved, List<AddressRange> staticRanges) {

    public CloudConfigSubnet {
        Objects.requireNonNull(owner, "owner");
        reserved = List.copyOf(reserved);
        staticRanges = List.copyOf(staticRanges);
    }

    /**
     * Computes the entry from the subnet's ranges and live allocations (allocated, reserved and quarantined).
     *
     * @throws IllegalArgumentException when no range of the subnet is delegated to {@code owner}
     */
    public static CloudConfigSubnet of(Subnet subnet, List<IpRange> ranges, List<Allocation> live, String owner) {
        List<IpRange> blocks = ranges.stream().filter(r -> owner.equals(r.owner())).toList();
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no range of subnet " + subnet.prefix() + " is delegated to owner '"
                    + owner + "'");
        }
        List<AddressRange> mine = new ArrayList<>();
        blocks.stream().filter(r -> r.purpose() != RangePurpose.RESERVED).forEach(r -> mine.add(r.range()));
        List<AddressRange> theirs = new ArrayList<>();
        for (Allocation a : live) {
            (owner.equals(a.owner()) ? mine : theirs).add(AddressRange.of(a.address()));
        }
        AddressRange all = subnet.prefix().range();
        if (subnet.prefix().hasReservedEnds()) {
            theirs.add(AddressRange.of(all.start()));
            if (subnet.prefix().version() == IpVersion.V4) {
                theirs.add(AddressRange.of(subnet.prefix().broadcast()));
            }
        }
        if (subnet.gateway() != null) {
            theirs.add(AddressRange.of(subnet.gateway()));
        }
        RangeSet usable = RangeSet.of(mine).minus(RangeSet.of(theirs)).intersect(RangeSet.of(List.of(all)));
        RangeSet reserved = RangeSet.of(List.of(all)).minus(usable);
        RangeSet statics = RangeSet.of(blocks.stream().filter(r -> r.purpose() == RangePurpose.STATIC)
                .map(IpRange::range).toList()).intersect(usable);
        return new CloudConfigSubnet(owner, subnet, reserved.ranges(), statics.ranges());
    }

    /** BOSH's address-range syntax: {@code a.b.c.d - a.b.c.e}, or the address alone; never CIDR. */
    static String text(AddressRange r) {
        return r.start().equals(r.end()) ? r.start().toString() : r.start() + " - " + r.end();
    }

    /**
     * The entry as BOSH reads it. {@code azs} is left out and {@code cloud_properties} is empty: both depend on the
     * IaaS and the director's AZ names, which ipkeeper does not know (docs/api.md, BOSH).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("range", subnet.prefix().toString());
        if (subnet.gateway() != null) {
            m.put("gateway", subnet.gateway().toString());
        }
        m.put("dns", subnet.dnsServers().stream().map(IpAddress::toString).toList());
        m.put("reserved", reserved.stream().map(CloudConfigSubnet::text).toList());
        m.put("static", staticRanges.stream().map(CloudConfigSubnet::text).toList());
        m.put("cloud_properties", Map.of());
        return m;
    }
}
