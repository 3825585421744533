package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.internal.FreeExtents;
import io.ipkeeper.ipam.internal.FreeIndexCheck;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random sequences of allocate / specific / release / reserve / expire / time passing / child-prefix against an
 * in-memory model: never a duplicate or an overlap, exhaustion exactly when the model says so, and after every step
 * the free-space index equals "allocatable addresses minus live allocations".
 */
class AllocationModelPropertiesTest {

    private static final Map<DatabaseKind, TestDatabase> DBS = new HashMap<>();
    private static final Map<DatabaseKind, Database> OPEN = new HashMap<>();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static synchronized Database db(DatabaseKind kind) {
        return OPEN.computeIfAbsent(kind, k -> {
            TestDatabase t = TestDatabase.create(k, "ModelProps");
            DBS.put(k, t);
            return Database.open(t.jdbcUrl(), t.user(), t.password(), 4);
        });
    }

    @AfterContainer
    static void closeAll() {
        OPEN.values().forEach(Database::close);
        DBS.values().forEach(TestDatabase::close);
        OPEN.clear();
        DBS.clear();
    }

    /** op code, argument */
    record Op(int code, int arg) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 15))
                .as(Op::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 150)
    void modelHoldsOnH2(@ForAll("ops") List<Op> ops) {
        run(db(DatabaseKind.H2), ops);
    }

    @Property(tries = 15)
    void modelHoldsOnPostgres(@ForAll("ops") List<Op> ops) {
        run(db(DatabaseKind.POSTGRESQL), ops);
    }

    private static void run(Database db, List<Op> ops) {
        MutableClock clock = new MutableClock();
        Ipam ipam = Ipam.create(db, IpamConfig.defaults().withQuarantineCooldown(Duration.ofMinutes(30)), clock, null);
        long space = ipam.spaces().create("p", "model-" + SEQ.incrementAndGet(), null).id();
        Subnet s = ipam.subnets().create("p", SubnetSpec.of(space, "10.0.0.0/28").withGateway("10.0.0.1"));
        ipam.ranges().create("p", RangeSpec.of(s.id(), "10.0.0.10", "10.0.0.11", RangePurpose.RESERVED));
        Subnet container = ipam.subnets().create("p", SubnetSpec.of(space, "10.1.0.0/24").asContainer());
        // the model: allocatable addresses and live rows by address
        Set<IpAddress> allocatable = new TreeSet<>();
        for (int i = 0; i < 16; i++) {
            IpAddress a = IpAddress.parse("10.0.0." + i);
            if (i != 0 && i != 1 && i != 15 && i != 10 && i != 11) {
                allocatable.add(a);
            }
        }
        Map<IpAddress, Allocation> live = new HashMap<>();
        List<Prefix> children = new ArrayList<>();
        for (Op op : ops) {
            Instant now = clock.instant();
            switch (op.code()) {
                case 0, 1 -> { // next free, 1..3 addresses, lowest or random, allocation or reservation
                    int n = 1 + op.arg() % 3;
                    long available = allocatable.stream().filter(a -> !live.containsKey(a)
                            || (live.get(a).state() == AllocationState.QUARANTINED && !live.get(a).quarantineUntil().isAfter(now))).count();
                    AllocationRequest req = AllocationRequest.nextFree(s.id()).count(n)
                            .strategy(op.arg() % 2 == 0 ? Strategy.LOWEST : Strategy.RANDOM);
                    if (op.code() == 1) {
                        req = req.reserved(Duration.ofMinutes(1 + op.arg()));
                    }
                    try {
                        List<Allocation> got = ipam.allocator().allocate("p", req);
                        assertThat(available).isGreaterThanOrEqualTo(n);
                        assertThat(got).hasSize(n);
                        for (Allocation a : got) {
                            assertThat(allocatable).contains(a.address());
                            Allocation old = live.get(a.address());
                            assertThat(old == null || old.state() == AllocationState.QUARANTINED).as("duplicate " + a.address()).isTrue();
                            live.put(a.address(), a);
                        }
                    } catch (PoolExhausted e) {
                        assertThat(available).isLessThan(n);
                        assertThat(e.available()).isEqualTo(available);
                    }
                }
                case 2 -> { // a specific address
                    IpAddress a = IpAddress.parse("10.0.0." + op.arg());
                    Allocation old = live.get(a);
                    boolean ok = allocatable.contains(a) && (old == null
                            || (old.state() == AllocationState.QUARANTINED && !old.quarantineUntil().isAfter(now)));
                    try {
                        Allocation got = ipam.allocator().allocate("p", AllocationRequest.specific(s.id(), a.toString())).get(0);
                        assertThat(ok).as("allocated " + a).isTrue();
                        live.put(a, got);
                    } catch (AddressNotAvailable e) {
                        assertThat(ok).as("refused " + a + ": " + e.getMessage()).isFalse();
                    }
                }
                case 3, 4 -> { // release one live row (allocated → quarantine, reserved → free)
                    List<Allocation> rows = live.values().stream().filter(x -> x.state() != AllocationState.QUARANTINED)
                            .sorted((x, y) -> x.address().compareTo(y.address())).toList();
                    if (!rows.isEmpty()) {
                        Allocation r = rows.get(op.arg() % rows.size());
                        Allocation after = ipam.allocator().release("p", r.id());
                        if (r.state() == AllocationState.RESERVED) {
                            live.remove(r.address());
                        } else {
                            assertThat(after.state()).isEqualTo(AllocationState.QUARANTINED);
                            live.put(r.address(), after);
                        }
                    }
                }
                case 5 -> { // time passes, then the sweeper runs
                    clock.advance(Duration.ofMinutes(op.arg() * 3L));
                    Instant t = clock.instant();
                    long expected = live.values().stream().filter(x -> x.state() == AllocationState.RESERVED
                            && x.expiresAt() != null && !x.expiresAt().isAfter(t)).count();
                    int swept = ipam.allocator().sweepExpiredReservations();
                    // the database is shared by all tries, so other tries' reservations may be swept too; the
                    // store-versus-model comparison below checks this subnet exactly
                    assertThat(swept).isGreaterThanOrEqualTo((int) expected);
                    live.values().removeIf(x -> x.state() == AllocationState.RESERVED && x.expiresAt() != null && !x.expiresAt().isAfter(t));
                }
                case 6 -> { // confirm a reservation
                    live.values().stream().filter(x -> x.state() == AllocationState.RESERVED).findFirst().ifPresent(r ->
                            live.put(r.address(), ipam.allocator().confirm("p", r.id())));
                }
                default -> { // child prefix of the container
                    int len = 26 + op.arg() % 5;
                    try {
                        Prefix p = ipam.subnets().allocateChildPrefix("p", container.id(), len, null).prefix();
                        for (Prefix c : children) {
                            assertThat(c.overlaps(p)).as(p + " overlaps " + c).isFalse();
                        }
                        assertThat(container.prefix().contains(p)).isTrue();
                        children.add(p);
                    } catch (PoolExhausted e) {
                        // must really be full for that length: no aligned block free
                        for (int i = 0; i < 256; i += 1 << (32 - len)) {
                            Prefix cand = Prefix.containing(IpAddress.parse("10.1.0." + i), len);
                            assertThat(children.stream().anyMatch(c -> c.overlaps(cand))).as("free " + cand).isTrue();
                        }
                    }
                }
            }
            assertStoreMatchesModel(db, ipam, s.id(), allocatable, live);
        }
    }

    private static void assertStoreMatchesModel(Database db, Ipam ipam, long subnetId, Set<IpAddress> allocatable,
                                                Map<IpAddress, Allocation> live) {
        List<Allocation> rows = ipam.allocator().list(subnetId);
        Map<IpAddress, AllocationState> stored = new HashMap<>();
        rows.forEach(a -> assertThat(stored.put(a.address(), a.state())).as("duplicate row " + a.address()).isNull());
        Map<IpAddress, AllocationState> model = new HashMap<>();
        live.forEach((a, x) -> model.put(a, x.state()));
        assertThat(stored).isEqualTo(model);
        Set<IpAddress> free = new TreeSet<>();
        db.jdbi().useHandle(h -> FreeExtents.all(h, subnetId).forEach(e -> {
            for (IpAddress a = e.range().start(); ; a = a.next()) {
                assertThat(free.add(a)).as("extents overlap at " + a).isTrue();
                if (a.equals(e.range().end())) {
                    break;
                }
            }
        }));
        Set<IpAddress> expectedFree = new TreeSet<>(allocatable);
        expectedFree.removeAll(live.keySet());
        assertThat(free).isEqualTo(expectedFree);
        List<String> problems = db.jdbi().inTransaction(h -> FreeIndexCheck.check(h, subnetId));
        assertThat(problems).isEmpty();
    }
}
