package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.ipam.Allocator;
import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.AddressOutsideSubnet;
import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.IdempotencyConflict;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.IpamException;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.MalformedPrefix;
import io.ipkeeper.ipam.error.OverlappingRange;
import io.ipkeeper.ipam.error.OverlappingSubnet;
import io.ipkeeper.ipam.error.OwnerNotPermitted;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.error.RangeOutsideSubnet;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.model.Utilization;
import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class AllocationEngineTest {

    private final AtomicInteger rejectNext = new AtomicInteger();
    private final Fixture f;
    private final Allocator alloc;
    private final Fixture vetted;

    AllocationEngineTest(TestDatabase db) {
        this.f = new Fixture(db, null);
        this.alloc = f.ipam.allocator();
        // a second engine over the same database whose vetting hook rejects the next N candidates
        this.vetted = new Fixture(db, c -> rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) == 0);
    }

    @AfterEach
    void close() {
        f.db.close();
        vetted.db.close();
    }

    private Subnet subnet(String prefix, String gateway) {
        long space = f.space("s-" + prefix.replace('/', '_') + "-" + System.nanoTime());
        return f.ipam.subnets().create("alice", SubnetSpec.of(space, prefix).withGateway(gateway));
    }

    private static List<String> addresses(List<Allocation> as) {
        return as.stream().map(a -> a.address().toString()).toList();
    }

    /** Runs a request that must fail with {@code type} and asserts nothing was written. */
    private <T extends IpamException> T rejects(Class<T> type, Supplier<?> call) {
        List<Long> before = f.footprint();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call::get);
        assertThat(t).isInstanceOf(type);
        assertThat(f.footprint()).as("tables after a rejected request").isEqualTo(before);
        return type.cast(t);
    }

    @Test
    void nextFreeSkipsNetworkGatewayAndBroadcastThenExhausts() {
        Subnet s = subnet("192.0.2.0/29", "192.0.2.1");
        List<Allocation> got = alloc.allocate("alice", AllocationRequest.nextFree(s.id()).count(5));
        assertThat(addresses(got)).containsExactly("192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5", "192.0.2.6");
        PoolExhausted e = rejects(PoolExhausted.class, () -> alloc.allocate("alice", AllocationRequest.nextFree(s.id())));
        assertThat(e.requested()).isEqualTo(1);
        assertThat(e.available()).isZero();
        assertThat(e.getMessage()).contains("192.0.2.0/29");
        f.assertIndexConsistent(s.id());
    }

    @Test
    void manyAddressesAreAllOrNone() {
        Subnet s = subnet("198.51.100.0/28", null);
        alloc.allocate("alice", AllocationRequest.nextFree(s.id()).count(3));
        PoolExhausted e = rejects(PoolExhausted.class, () -> alloc.allocate("alice", AllocationRequest.nextFree(s.id()).count(20)));
        assertThat(e.requested()).isEqualTo(20);
        assertThat(e.available()).isEqualTo(11);
        assertThat(alloc.allocate("alice", AllocationRequest.nextFree(s.id()).count(11))).hasSize(11);
        f.assertIndexConsistent(s.id());
    }

    @Test
    void specificAddressRules() {
        Subnet s = subnet("203.0.113.0/24", "203.0.113.1");
        Allocation a = alloc.allocate("alice", AllocationRequest.specific(s.id(), "203.0.113.77").hostname("web-1")).get(0);
        assertThat(a.address().toString()).isEqualTo("203.0.113.77");
        assertThat(rejects(AddressNotAvailable.class, () -> alloc.allocate("bob", AllocationRequest.specific(s.id(), "203.0.113.77"))))
                .hasMessageContaining("allocated").hasMessageContaining("web-1");
        rejects(AddressOutsideSubnet.class, () -> alloc.allocate("bob", AllocationRequest.specific(s.id(), "203.0.114.5")));
        assertThat(rejects(AddressNotAvailable.class, () -> alloc.allocate("bob", AllocationRequest.specific(s.id(), "203.0.113.1"))))
                .hasMessageContaining("gateway");
        assertThat(rejects(AddressNotAvailable.class, () -> alloc.allocate("bob", AllocationRequest.specific(s.id(), "203.0.113.255"))))
                .hasMessageContaining("broadcast");
        rejects(MalformedAddress.class, () -> alloc.allocate("bob", AllocationRequest.specific(s.id(), "203.0.113.300")));
        rejects(InvalidRequest.class, () -> alloc.allocate("bob", AllocationRequest.nextFree(s.id()).count(0)));
        // the next free address now skips .77 and the gateway
        assertThat(alloc.allocate("alice", AllocationRequest.nextFree(s.id())).get(0).address().toString()).isEqualTo("203.0.113.2");
        f.assertIndexConsistent(s.id());
    }

    @Test
    void delegatedRangesAreInvisibleToOtherOwners() {
        Subnet s = subnet("198.18.20.0/28", "198.18.20.1");
        IpRange promo = f.ipam.ranges().create("netops", RangeSpec.of(s.id(), "198.18.20.2", "198.18.20.7", RangePurpose.STATIC).ownedBy("bosh-promo"));
        rejects(OwnerNotPermitted.class, () -> alloc.allocate("dr", AllocationRequest.nextFreeInRange(promo.id()).owner("bosh-dr-west")));
        rejects(OwnerNotPermitted.class, () -> alloc.allocate("dr", AllocationRequest.specific(s.id(), "198.18.20.3").owner("bosh-dr-west")));
        List<Allocation> west = alloc.allocate("dr", AllocationRequest.nextFree(s.id()).owner("bosh-dr-west").count(7));
        assertThat(addresses(west)).containsExactly("198.18.20.8", "198.18.20.9", "198.18.20.10", "198.18.20.11", "198.18.20.12", "198.18.20.13", "198.18.20.14");
        rejects(PoolExhausted.class, () -> alloc.allocate("dr", AllocationRequest.nextFree(s.id()).owner("bosh-dr-west")));
        List<Allocation> mine = alloc.allocate("promo", AllocationRequest.nextFreeInRange(promo.id()).owner("bosh-promo").count(6));
        assertThat(addresses(mine)).containsExactly("198.18.20.2", "198.18.20.3", "198.18.20.4", "198.18.20.5", "198.18.20.6", "198.18.20.7");
        assertThat(mine).allMatch(a -> a.rangeId() == promo.id());
        Utilization u = f.ipam.ranges().utilization(promo.id());
        assertThat(u.size()).isEqualTo(AddressCount.of(6));
        assertThat(u.allocated()).isEqualTo(6);
        assertThat(u.free()).isEqualTo(AddressCount.ZERO);
        f.assertIndexConsistent(s.id());
    }

    @Test
    void reservedRangesAreNeverHandedOut() {
        Subnet s = subnet("198.18.30.0/29", null);
        IpRange r = f.ipam.ranges().create("netops", RangeSpec.of(s.id(), "198.18.30.1", "198.18.30.4", RangePurpose.RESERVED));
        assertThat(addresses(alloc.allocate("a", AllocationRequest.nextFree(s.id()).count(2)))).containsExactly("198.18.30.5", "198.18.30.6");
        rejects(PoolExhausted.class, () -> alloc.allocate("a", AllocationRequest.nextFree(s.id())));
        rejects(AddressNotAvailable.class, () -> alloc.allocate("a", AllocationRequest.specific(s.id(), "198.18.30.2")));
        rejects(AddressNotAvailable.class, () -> alloc.allocate("a", AllocationRequest.nextFreeInRange(r.id())));
        assertThat(f.ipam.subnets().utilization(s.id()).size()).isEqualTo(AddressCount.of(2));
        f.assertIndexConsistent(s.id());
    }

    @Test
    void rangeErrors() {
        Subnet s = subnet("198.18.40.0/24", null);
        f.ipam.ranges().create("n", RangeSpec.of(s.id(), "198.18.40.10", "198.18.40.20", RangePurpose.DYNAMIC));
        rejects(RangeOutsideSubnet.class, () -> f.ipam.ranges().create("n", RangeSpec.of(s.id(), "198.18.40.250", "198.18.41.5", RangePurpose.STATIC)));
        rejects(RangeOutsideSubnet.class, () -> f.ipam.ranges().create("n", RangeSpec.of(s.id(), "198.18.40.9", "198.18.40.5", RangePurpose.STATIC)));
        rejects(OverlappingRange.class, () -> f.ipam.ranges().create("n", RangeSpec.of(s.id(), "198.18.40.20", "198.18.40.30", RangePurpose.STATIC)));
        alloc.allocate("a", AllocationRequest.specific(s.id(), "198.18.40.100"));
        rejects(SubnetNotEmpty.class, () -> f.ipam.ranges().create("n", RangeSpec.of(s.id(), "198.18.40.90", "198.18.40.110", RangePurpose.STATIC)));
        f.assertIndexConsistent(s.id());
    }

    @Test
    void quarantineDelaysReuseThenLongestIdleFirst() {
        Subnet s = subnet("198.18.50.0/29", null);
        List<Allocation> all = alloc.allocate("a", AllocationRequest.nextFree(s.id()).count(6));
        alloc.release("a", all.get(3).id()); // .4 released first
        f.clock.advance(Duration.ofMinutes(10));
        Allocation q = alloc.release("a", all.get(1).id()); // .2 released later
        assertThat(q.state()).isEqualTo(AllocationState.QUARANTINED);
        assertThat(f.rows("allocation_history")).isPositive();
        rejects(PoolExhausted.class, () -> alloc.allocate("a", AllocationRequest.nextFree(s.id())));
        rejects(AddressNotAvailable.class, () -> alloc.allocate("a", AllocationRequest.specific(s.id(), "198.18.50.4")));
        f.clock.advance(Duration.ofMinutes(55)); // .4 is out of quarantine (65 min), .2 not yet (55 min)
        assertThat(alloc.allocate("a", AllocationRequest.nextFree(s.id())).get(0).address().toString()).isEqualTo("198.18.50.4");
        rejects(PoolExhausted.class, () -> alloc.allocate("a", AllocationRequest.nextFree(s.id())));
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(alloc.allocate("a", AllocationRequest.nextFree(s.id())).get(0).address().toString()).isEqualTo("198.18.50.2");
        f.assertIndexConsistent(s.id());
    }

    @Test
    void neverUsedAddressesComeBeforeQuarantineEndedOnes() {
        Subnet s = subnet("198.18.51.0/29", null);
        Allocation first = alloc.allocate("a", AllocationRequest.nextFree(s.id())).get(0);
        alloc.release("a", first.id());
        f.clock.advance(Duration.ofHours(2));
        assertThat(addresses(alloc.allocate("a", AllocationRequest.nextFree(s.id()).count(5))))
                .containsExactly("198.18.51.2", "198.18.51.3", "198.18.51.4", "198.18.51.5", "198.18.51.6");
        assertThat(alloc.allocate("a", AllocationRequest.nextFree(s.id())).get(0).address()).isEqualTo(first.address());
        f.assertIndexConsistent(s.id());
    }

    @Test
    void idempotencyKeys() {
        Subnet s = subnet("198.18.60.0/24", null);
        AllocationRequest req = AllocationRequest.nextFree(s.id()).hostname("vm-1").idempotencyKey("k-1");
        Allocation a = alloc.allocate("terraform", req).get(0);
        long rows = f.rows("allocation");
        assertThat(alloc.allocate("terraform", req).get(0)).isEqualTo(a);
        assertThat(f.rows("allocation")).isEqualTo(rows);
        assertThat(rejects(IdempotencyConflict.class, () -> alloc.allocate("terraform", req.hostname("vm-2"))))
                .hasMessageContaining("k-1");
        // the key is per principal
        assertThat(alloc.allocate("ansible", req).get(0).id()).isNotEqualTo(a.id());
        // after the retention the key is forgotten
        f.clock.advance(Duration.ofHours(25));
        assertThat(alloc.purgeIdempotencyKeys()).isPositive();
        assertThat(alloc.allocate("terraform", req).get(0).id()).isNotEqualTo(a.id());
        f.assertIndexConsistent(s.id());
    }

    @Test
    void reservationsExpireThroughTheSweeper() {
        Subnet s = subnet("198.18.70.0/29", null);
        Allocation r = alloc.allocate("a", AllocationRequest.nextFree(s.id()).reserved(Duration.ofMinutes(5))).get(0);
        assertThat(r.state()).isEqualTo(AllocationState.RESERVED);
        Allocation keep = alloc.allocate("a", AllocationRequest.nextFree(s.id()).reserved(Duration.ofMinutes(5))).get(0);
        alloc.confirm("a", keep.id());
        assertThat(alloc.sweepExpiredReservations()).isZero();
        f.clock.advance(Duration.ofMinutes(6));
        assertThat(alloc.sweepExpiredReservations()).isEqualTo(1);
        assertThat(alloc.get(keep.id()).state()).isEqualTo(AllocationState.ALLOCATED);
        // the expired reservation was never used: it is free again at once, lowest first
        assertThat(alloc.allocate("a", AllocationRequest.nextFree(s.id())).get(0).address()).isEqualTo(r.address());
        f.assertIndexConsistent(s.id());
    }

    @Test
    void containersHoldPrefixesNotAddresses() {
        long space = f.space("containers");
        Subnet c = f.ipam.subnets().create("n", SubnetSpec.of(space, "198.19.0.0/16").asContainer());
        rejects(AllocationInContainer.class, () -> alloc.allocate("a", AllocationRequest.nextFree(c.id())));
        Subnet a = f.ipam.subnets().create("n", SubnetSpec.of(space, "198.19.0.0/24"));
        assertThat(a.parentId()).isEqualTo(c.id());
        Subnet b = f.ipam.subnets().allocateChildPrefix("n", c.id(), 26, null);
        assertThat(b.prefix().toString()).isEqualTo("198.19.1.0/26");
        Subnet d = f.ipam.subnets().allocateChildPrefix("n", c.id(), 24, null);
        assertThat(d.prefix().toString()).isEqualTo("198.19.2.0/24");
        assertThat(f.ipam.subnets().allocateChildPrefix("n", c.id(), 25, null).prefix().toString()).isEqualTo("198.19.1.128/25");
        rejects(OverlappingSubnet.class, () -> f.ipam.subnets().create("n", SubnetSpec.of(space, "198.19.0.0/24")));
        rejects(OverlappingSubnet.class, () -> f.ipam.subnets().create("n", SubnetSpec.of(space, "198.16.0.0/12")));
        assertThat(rejects(MalformedPrefix.class, () -> f.ipam.subnets().create("n", SubnetSpec.of(space, "198.19.9.7/24"))))
                .hasMessage("198.19.9.7/24 has host bits set; did you mean 198.19.9.0/24?");
        rejects(AddressOutsideSubnet.class, () -> f.ipam.subnets().create("n", SubnetSpec.of(space, "198.19.9.0/24").withGateway("198.19.8.1")));
        alloc.allocate("a", AllocationRequest.nextFree(a.id()));
        rejects(SubnetNotEmpty.class, () -> f.ipam.subnets().create("n", SubnetSpec.of(space, "198.19.0.128/25")));
        Subnet tiny = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.81.0.0/30").asContainer());
        f.ipam.subnets().allocateChildPrefix("n", tiny.id(), 31, null);
        f.ipam.subnets().allocateChildPrefix("n", tiny.id(), 31, null);
        rejects(PoolExhausted.class, () -> f.ipam.subnets().allocateChildPrefix("n", tiny.id(), 31, null));
        rejects(InvalidRequest.class, () -> f.ipam.subnets().allocateChildPrefix("n", tiny.id(), 30, null));
        f.assertIndexConsistent(a.id());
        f.assertIndexConsistent(c.id());
    }

    @Test
    void randomStrategySpreadsOverFreeAddresses() {
        Subnet s = subnet("10.90.0.0/20", null);
        Set<String> seen = new HashSet<>();
        for (Allocation a : alloc.allocate("a", AllocationRequest.nextFree(s.id()).strategy(Strategy.RANDOM).count(200))) {
            assertThat(s.prefix().contains(a.address())).isTrue();
            assertThat(seen.add(a.address().toString())).isTrue();
        }
        // lowest-first would have produced .0.1 .. .0.200; random over 4094 addresses lands above that almost surely
        assertThat(seen.stream().filter(x -> x.startsWith("10.90.0.")).count()).isLessThan(100);
        f.assertIndexConsistent(s.id());
    }

    @Test
    void randomStrategyFillsASmallPoolExactly() {
        Subnet s = subnet("10.91.0.0/28", "10.91.0.1");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 13; i++) {
            seen.add(alloc.allocate("a", AllocationRequest.nextFree(s.id()).strategy(Strategy.RANDOM)).get(0).address().toString());
        }
        assertThat(seen).hasSize(13).doesNotContain("10.91.0.0", "10.91.0.1", "10.91.0.15");
        rejects(PoolExhausted.class, () -> alloc.allocate("a", AllocationRequest.nextFree(s.id()).strategy(Strategy.RANDOM)));
        f.assertIndexConsistent(s.id());
    }

    @Test
    void ipv6SlashSixtyFour() {
        Subnet s = subnet("2001:db8:1::/64", "2001:db8:1::1");
        assertThat(addresses(alloc.allocate("a", AllocationRequest.nextFree(s.id()).count(2)))).containsExactly("2001:db8:1::2", "2001:db8:1::3");
        Allocation r = alloc.allocate("a", AllocationRequest.nextFree(s.id()).strategy(Strategy.RANDOM)).get(0);
        assertThat(s.prefix().contains(r.address())).isTrue();
        Utilization u = f.ipam.subnets().utilization(s.id());
        assertThat(u.size().toString()).isEqualTo("18446744073709551614");
        assertThat(u.allocated()).isEqualTo(3);
        f.assertIndexConsistent(s.id());
    }

    @Test
    void everyChangeIsAudited() {
        Subnet s = subnet("10.95.0.0/29", null);
        long before = f.rows("audit_event");
        Allocation a = alloc.allocate("carol", AllocationRequest.nextFree(s.id()).hostname("db-1")).get(0);
        alloc.release("carol", a.id());
        List<String> rows = f.db.jdbi().withHandle(h -> h.createQuery("SELECT principal || ' ' || action || ' ' || COALESCE(after_json, '')"
                + " FROM audit_event WHERE object_type = 'allocation' AND object_id = :id ORDER BY id").bind("id", a.id()).mapTo(String.class).list());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("carol allocation.create").contains("\"hostname\":\"db-1\"").contains("10.95.0.1");
        assertThat(rows.get(1)).startsWith("carol allocation.release").contains("QUARANTINED");
        assertThat(f.rows("audit_event")).isEqualTo(before + 2);
    }

    @Test
    void vettingHookSkipsRejectedCandidates() {
        Subnet s = vetted.ipam.subnets().create("n", SubnetSpec.of(vetted.space("vet"), "10.99.0.0/29"));
        rejectNext.set(1);
        Allocation a = vetted.ipam.allocator().allocate("a", AllocationRequest.nextFree(s.id())).get(0);
        assertThat(a.address().toString()).isEqualTo("10.99.0.2");
        assertThat(a.state()).isEqualTo(AllocationState.ALLOCATED);
        Allocation rejected = vetted.ipam.allocator().list(s.id()).stream().filter(x -> x.address().toString().equals("10.99.0.1")).findFirst().orElseThrow();
        assertThat(rejected.state()).isEqualTo(AllocationState.QUARANTINED);
        vetted.assertIndexConsistent(s.id());
    }
}
