package io.ipkeeper.server.bosh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The cloud-config arithmetic on random layouts of a /26: whatever the blocks, reserved ranges and allocations, the
 * addresses two directors may assign never overlap, and none is live for anyone else.
 */
class CloudConfigSubnetTest {
    private static final Prefix PREFIX = Prefix.parse("198.18.7.0/26");
    private static final List<String> OWNERS = List.of("bosh-a", "bosh-b");

    static Subnet subnet(Prefix p, IpAddress gateway) {
        return new Subnet(1, 1, null, p, false, gateway, null, List.of(IpAddress.parse("198.18.0.53")), null, null,
                "test", Instant.EPOCH);
    }

    static IpRange range(long id, int from, int to, RangePurpose purpose, String owner) {
        return new IpRange(id, 1, new AddressRange(PREFIX.first().plus(from), PREFIX.first().plus(to)), purpose, owner,
                null, "test", Instant.EPOCH);
    }

    static Allocation allocation(long id, IpAddress a, String owner, AllocationState state) {
        return new Allocation(id, 1, 1, null, a, state, owner, "host-" + id, null, null, null, null, null,
                state == AllocationState.QUARANTINED ? Instant.EPOCH : null, null, "test", Instant.EPOCH);
    }

    /** What BOSH may assign from the entry: range minus reserved, minus network, broadcast and gateway. */
    static Set<IpAddress> assignable(CloudConfigSubnet c) {
        RangeSet reserved = RangeSet.of(c.reserved());
        Set<IpAddress> out = new HashSet<>();
        Prefix p = c.subnet().prefix();
        for (IpAddress a = p.first(); !a.isAfter(p.last()); a = a.next()) {
            boolean broadcast = p.hasReservedEnds() && a.isV4() && a.equals(p.broadcast());
            if (!reserved.contains(a) && !a.equals(p.first()) && !broadcast && !a.equals(c.subnet().gateway())) {
                out.add(a);
            }
            if (a.equals(p.last())) {
                break;
            }
        }
        return out;
    }

    @Property(tries = 400)
    void directorsNeverShareAnAddressAndNeverTakeAnotherOwnersAllocation(@ForAll long seed) {
        Random random = new Random(seed);
        // cut 1..58 into segments; each becomes a block of a director, an unowned or reserved range, or no range
        List<IpRange> ranges = new ArrayList<>();
        int start = 1;
        long id = 1;
        while (start <= 58) {
            int end = Math.min(58, start + random.nextInt(12));
            int kind = random.nextInt(6);
            RangePurpose purpose = RangePurpose.values()[random.nextInt(3)];
            if (kind < 2) {
                ranges.add(range(id++, start, end, purpose, OWNERS.get(kind)));
            } else if (kind == 2) {
                ranges.add(range(id++, start, end, purpose, null));
            }
            start = end + 1;
        }
        // every director has at least one block (ranges never overlap, as in the ipam core)
        ranges.add(range(id++, 59, 60, RangePurpose.STATIC, "bosh-a"));
        ranges.add(range(id++, 61, 62, RangePurpose.DYNAMIC, "bosh-b"));
        List<Allocation> live = new ArrayList<>();
        List<String> owners = new ArrayList<>(OWNERS);
        owners.add(null);
        owners.add("engineer");
        for (int i = 0; i < 64; i++) {
            if (random.nextInt(4) == 0) {
                live.add(allocation(i, PREFIX.first().plus(i), owners.get(random.nextInt(owners.size())),
                        AllocationState.values()[random.nextInt(3)]));
            }
        }
        Subnet s = subnet(PREFIX, random.nextBoolean() ? PREFIX.first().plus(1) : null);
        CloudConfigSubnet a = CloudConfigSubnet.of(s, ranges, live, "bosh-a");
        CloudConfigSubnet b = CloudConfigSubnet.of(s, ranges, live, "bosh-b");
        Set<IpAddress> forA = assignable(a);
        Set<IpAddress> forB = assignable(b);
        Set<IpAddress> shared = new HashSet<>(forA);
        shared.retainAll(forB);
        assertThat(shared).as("both directors may assign these").isEmpty();
        for (Allocation x : live) {
            if (!"bosh-a".equals(x.owner())) {
                assertThat(forA).as("bosh-a may assign %s's %s", x.owner(), x.address()).doesNotContain(x.address());
            }
            if (!"bosh-b".equals(x.owner())) {
                assertThat(forB).doesNotContain(x.address());
            }
        }
        for (CloudConfigSubnet c : List.of(a, b)) {
            RangeSet statics = RangeSet.of(c.staticRanges());
            assertThat(statics.minus(RangeSet.of(c.reserved())).ranges()).isEqualTo(statics.ranges());
            for (IpRange r : ranges) {
                if (!c.owner().equals(r.owner())) {
                    for (IpAddress x = r.range().start(); !x.isAfter(r.range().end()); x = x.next()) {
                        if (!isOwnedBy(live, x, c.owner())) {
                            assertThat(assignable(c)).doesNotContain(x);
                        }
                    }
                }
            }
        }
    }

    private static boolean isOwnedBy(List<Allocation> live, IpAddress x, String owner) {
        return live.stream().anyMatch(l -> l.address().equals(x) && owner.equals(l.owner()));
    }

    @Test
    void reservedIsEverythingOutsideTheBlockAsAddressRanges() {
        Prefix p = Prefix.parse("198.18.7.0/24");
        IpRange block = new IpRange(1, 1, new AddressRange(IpAddress.parse("198.18.7.100"), IpAddress.parse("198.18.7.149")),
                RangePurpose.STATIC, "bosh-a", null, "t", Instant.EPOCH);
        IpRange dyn = new IpRange(2, 1, new AddressRange(IpAddress.parse("198.18.7.150"), IpAddress.parse("198.18.7.199")),
                RangePurpose.DYNAMIC, "bosh-a", null, "t", Instant.EPOCH);
        Allocation eng = allocation(9, IpAddress.parse("198.18.7.120"), "engineer", AllocationState.ALLOCATED);
        CloudConfigSubnet c = CloudConfigSubnet.of(subnet(p, IpAddress.parse("198.18.7.1")), List.of(block, dyn),
                List.of(eng), "bosh-a");
        assertThat(c.reserved()).extracting(CloudConfigSubnet::text).containsExactly(
                "198.18.7.0 - 198.18.7.99", "198.18.7.120", "198.18.7.200 - 198.18.7.255");
        assertThat(c.staticRanges()).extracting(CloudConfigSubnet::text).containsExactly(
                "198.18.7.100 - 198.18.7.119", "198.18.7.121 - 198.18.7.149");
        assertThat(c.toMap()).containsEntry("range", "198.18.7.0/24").containsEntry("gateway", "198.18.7.1")
                .containsEntry("dns", List.of("198.18.0.53"));
    }

    @Test
    void anOwnerWithoutABlockIsRefused() {
        assertThatThrownBy(() -> CloudConfigSubnet.of(subnet(PREFIX, null), List.of(), List.of(), "bosh-x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delegated to owner 'bosh-x'");
    }

    @Test
    void ipv6SubnetsRenderAsAddressRangesToo() {
        Prefix p = Prefix.parse("2001:db8:7::/120");
        IpRange block = new IpRange(1, 1, new AddressRange(IpAddress.parse("2001:db8:7::10"), IpAddress.parse("2001:db8:7::1f")),
                RangePurpose.STATIC, "bosh-a", null, "t", Instant.EPOCH);
        CloudConfigSubnet c = CloudConfigSubnet.of(subnet(p, null), List.of(block), List.of(), "bosh-a");
        assertThat(c.reserved()).extracting(CloudConfigSubnet::text)
                .containsExactly("2001:db8:7:: - 2001:db8:7::f", "2001:db8:7::20 - 2001:db8:7::ff");
    }
}
