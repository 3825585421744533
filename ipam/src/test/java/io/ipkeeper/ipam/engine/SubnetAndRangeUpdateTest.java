package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.Allocator;
import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.AddressOutsideSubnet;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OverlappingRange;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.error.RangeOutsideSubnet;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePatch;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetPatch;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The update APIs behind PATCH: attributes change, free space follows, bad input writes nothing. */
@DatabaseTest
class SubnetAndRangeUpdateTest {

    private final Fixture f;
    private final Allocator alloc;

    SubnetAndRangeUpdateTest(TestDatabase db) {
        this.f = new Fixture(db, null);
        this.alloc = f.ipam.allocator();
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private Subnet subnet(String prefix, String gateway) {
        long space = f.space("u-" + prefix.replace('/', '_') + "-" + System.nanoTime());
        return f.ipam.subnets().create("alice", SubnetSpec.of(space, prefix).withGateway(gateway));
    }

    private String next(long subnetId) {
        return alloc.allocate("alice", AllocationRequest.nextFree(subnetId)).get(0).address().toString();
    }

    private long audits(String action, long objectId) {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event WHERE action = :a AND object_id = :id")
                .bind("a", action).bind("id", objectId).mapTo(Long.class).one());
    }

    @Test
    void subnetAttributesChangeAndTheGatewayMovesInTheFreeSpaceIndex() {
        Subnet s = subnet("192.0.2.0/29", "192.0.2.1");
        assertThat(next(s.id())).isEqualTo("192.0.2.2");
        Subnet u = f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().gateway("192.0.2.3").vlan(42)
                .dnsServers(List.of("192.0.2.53")).description("lab").utilizationThreshold(80));
        assertThat(u.gateway().toString()).isEqualTo("192.0.2.3");
        assertThat(u.vlan()).isEqualTo(42);
        assertThat(u.dnsServers()).extracting(Object::toString).containsExactly("192.0.2.53");
        assertThat(u.description()).isEqualTo("lab");
        assertThat(u.utilizationThreshold()).isEqualTo(80);
        assertThat(u.prefix()).isEqualTo(s.prefix());
        assertThat(audits("subnet.update", s.id())).isEqualTo(1);
        f.assertIndexConsistent(s.id());
        // the old gateway is free again, the new one is never handed out
        assertThat(next(s.id())).isEqualTo("192.0.2.1");
        assertThat(next(s.id())).isEqualTo("192.0.2.4");
        // null leaves an attribute alone, an explicit clear removes it
        Subnet cleared = f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().gateway(null).description(null));
        assertThat(cleared.gateway()).isNull();
        assertThat(cleared.description()).isNull();
        assertThat(cleared.vlan()).isEqualTo(42);
        f.assertIndexConsistent(s.id());
        assertThat(alloc.allocate("alice", AllocationRequest.nextFree(s.id()).count(3))).extracting(a -> a.address().toString())
                .containsExactly("192.0.2.3", "192.0.2.5", "192.0.2.6");
        f.assertIndexConsistent(s.id());
    }

    @Test
    void badSubnetUpdatesAreTypedErrorsAndWriteNothing() {
        Subnet s = subnet("198.51.100.0/28", "198.51.100.1");
        Allocation taken = alloc.allocate("alice", AllocationRequest.nextFree(s.id())).get(0);
        f.rejects(AddressOutsideSubnet.class, () -> f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().gateway("198.51.101.1")));
        assertThat(f.rejects(AddressNotAvailable.class, () -> f.ipam.subnets().update("bob", s.id(),
                SubnetPatch.none().gateway(taken.address().toString())))).hasMessageContaining("allocation " + taken.id());
        f.rejects(AddressNotAvailable.class, () -> f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().gateway("198.51.100.15")));
        f.rejects(MalformedAddress.class, () -> f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().gateway("198.51.100.300")));
        f.rejects(InvalidRequest.class, () -> f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().vlan(4095)));
        f.rejects(InvalidRequest.class, () -> f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().utilizationThreshold(0)));
        f.rejects(MalformedAddress.class, () -> f.ipam.subnets().update("bob", s.id(), SubnetPatch.none().dnsServers(List.of("dns.example"))));
        f.rejects(NotFound.class, () -> f.ipam.subnets().update("bob", 999_999, SubnetPatch.none().vlan(1)));
        f.rejects(InvalidRequest.class, () -> f.ipam.subnets().update("bob", s.id(), null));
        Subnet c = f.ipam.subnets().create("n", SubnetSpec.of(f.space("uc"), "10.70.0.0/16").asContainer());
        f.rejects(InvalidRequest.class, () -> f.ipam.subnets().update("bob", c.id(), SubnetPatch.none().gateway("10.70.0.1")));
        assertThat(f.ipam.subnets().get(s.id())).isEqualTo(s);
        f.assertIndexConsistent(s.id());
    }

    @Test
    void rangesChangeOwnerPurposeAndSpanAndFreeSpaceFollows() {
        Subnet s = subnet("10.60.0.0/24", "10.60.0.1");
        IpRange r = f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.60.0.10", "10.60.0.19", RangePurpose.STATIC));
        alloc.allocate("a", AllocationRequest.nextFreeInRange(r.id()).count(2)); // .10 .11
        IpRange owned = f.ipam.ranges().update("n", r.id(), RangePatch.none().owner("bosh").description("bosh vms")
                .purpose(RangePurpose.DYNAMIC));
        assertThat(owned.owner()).isEqualTo("bosh");
        assertThat(owned.purpose()).isEqualTo(RangePurpose.DYNAMIC);
        f.assertIndexConsistent(s.id());
        // delegated now: invisible to others, and a subnet request of another owner skips it
        f.rejects(io.ipkeeper.ipam.error.OwnerNotPermitted.class, () -> alloc.allocate("x", AllocationRequest.nextFreeInRange(r.id()).owner("other")));
        // grow at the end, shrink at the start (keeping .10 and .11 inside)
        IpRange moved = f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.60.0.10", "10.60.0.29"));
        assertThat(moved.range().toString()).isEqualTo("10.60.0.10-10.60.0.29");
        f.assertIndexConsistent(s.id());
        // the allocator sees the new layout at once: exactly 18 free addresses are left in the range
        assertThat(alloc.allocate("a", AllocationRequest.nextFreeInRange(r.id()).owner("bosh").count(18))).hasSize(18);
        f.rejects(PoolExhausted.class, () -> alloc.allocate("a", AllocationRequest.nextFreeInRange(r.id()).owner("bosh")));
        f.assertIndexConsistent(s.id());
        assertThat(f.ipam.ranges().utilization(r.id()).allocated()).isEqualTo(20);
        assertThat(audits("range.update", r.id())).isEqualTo(2);
    }

    @Test
    void rangesBecomeReservedAndBackAndShrinkIntoTheSubnet() {
        Subnet s = subnet("10.61.0.0/24", null);
        IpRange r = f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.61.0.100", "10.61.0.199", RangePurpose.DYNAMIC));
        f.ipam.ranges().update("n", r.id(), RangePatch.none().purpose(RangePurpose.RESERVED));
        f.assertIndexConsistent(s.id());
        f.rejects(AddressNotAvailable.class, () -> alloc.allocate("a", AllocationRequest.specific(s.id(), "10.61.0.150")));
        // a reserved range that shrinks gives the addresses it leaves to the rest of the subnet
        f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.61.0.150", "10.61.0.199"));
        f.assertIndexConsistent(s.id());
        assertThat(alloc.allocate("a", AllocationRequest.specific(s.id(), "10.61.0.120")).get(0).rangeId()).isNull();
        f.ipam.ranges().update("n", r.id(), RangePatch.none().purpose(RangePurpose.STATIC).span("10.61.0.140", "10.61.0.255"));
        f.assertIndexConsistent(s.id());
        Allocation inRange = alloc.allocate("a", AllocationRequest.nextFreeInRange(r.id())).get(0);
        assertThat(inRange.address().toString()).isEqualTo("10.61.0.140");
        f.assertIndexConsistent(s.id());
    }

    @Test
    void badRangeUpdatesAreTypedErrorsAndWriteNothing() {
        Subnet s = subnet("10.62.0.0/24", "10.62.0.1");
        IpRange r = f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.62.0.10", "10.62.0.19", RangePurpose.STATIC));
        f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.62.0.40", "10.62.0.49", RangePurpose.STATIC));
        alloc.allocate("a", AllocationRequest.specific(s.id(), "10.62.0.15"));
        alloc.allocate("a", AllocationRequest.specific(s.id(), "10.62.0.25")); // outside every range
        f.rejects(SubnetNotEmpty.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.62.0.16", "10.62.0.19")));
        f.rejects(SubnetNotEmpty.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.62.0.10", "10.62.0.30")));
        f.rejects(OverlappingRange.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.62.0.10", "10.62.0.40")));
        f.rejects(RangeOutsideSubnet.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.62.0.10", "10.62.1.5")));
        f.rejects(RangeOutsideSubnet.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().span("10.62.0.19", "10.62.0.10")));
        f.rejects(SubnetNotEmpty.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().purpose(RangePurpose.RESERVED)));
        f.rejects(InvalidRequest.class, () -> f.ipam.ranges().update("n", r.id(), new RangePatch("10.62.0.10", null, null, null, null)));
        f.rejects(InvalidRequest.class, () -> f.ipam.ranges().update("n", r.id(), RangePatch.none().owner("")));
        f.rejects(NotFound.class, () -> f.ipam.ranges().update("n", 999_999, RangePatch.none().description("x")));
        assertThat(f.ipam.ranges().get(r.id())).isEqualTo(r);
        f.assertIndexConsistent(s.id());
    }
}
