package io.ipkeeper.ipam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seeks of the free-space index, written on the extents' end address (V22), against an in-memory model of the same
 * extents, in both databases; and, on PostgreSQL, the reason for keying by the end: trimming an extent from the front is
 * a HOT update.
 */
@DatabaseTest
class FreeExtentsTest {
    private static final AtomicInteger SPACES = new AtomicInteger();

    private final Database db;
    private final Ipam ipam;
    private final long space;

    FreeExtentsTest(TestDatabase tdb) {
        this.db = Database.open(tdb.jdbcUrl(), tdb.user(), tdb.password(), 4);
        this.ipam = Ipam.create(db, IpamConfig.defaults(), Clock.systemUTC(), null);
        this.space = ipam.spaces().create("test", "extents-" + SPACES.incrementAndGet(), null).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void floorHigherAndContainingAgreeWithAModelOfTheExtents() {
        long subnet = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.0.0/24")).id();
        long pool = 7_000_001L; // a pool of its own: the subnet's real extents are in pool 0
        Random random = new Random(5);
        TreeMap<Integer, Integer> model = new TreeMap<>(); // start -> end, last octet
        int at = 3;
        while (at < 250) {
            int end = at + random.nextInt(4);
            model.put(at, end);
            at = end + 2 + random.nextInt(4);
        }
        db.jdbi().useTransaction(h -> {
            for (Map.Entry<Integer, Integer> e : model.entrySet()) {
                FreeExtents.insert(h, subnet, pool, new AddressRange(ip(e.getKey()), ip(e.getValue())));
            }
            for (int a = 0; a <= 255; a++) {
                Map.Entry<Integer, Integer> floor = model.floorEntry(a);
                Map.Entry<Integer, Integer> higher = model.higherEntry(a);
                assertThat(startOf(FreeExtents.floor(h, subnet, pool, ip(a)))).as("floor %d", a)
                        .isEqualTo(floor == null ? null : floor.getKey());
                assertThat(startOf(FreeExtents.higher(h, subnet, pool, ip(a)))).as("higher %d", a)
                        .isEqualTo(higher == null ? null : higher.getKey());
                boolean free = floor != null && floor.getValue() >= a;
                assertThat(startOf(FreeExtents.containing(h, subnet, pool, ip(a)))).as("containing %d", a)
                        .isEqualTo(free ? floor.getKey() : null);
            }
            assertThat(startOf(FreeExtents.lowest(h, subnet, pool))).isEqualTo(model.firstKey());
            List<Integer> inOrder = new java.util.ArrayList<>();
            FreeExtents.forEach(h, subnet, pool, e -> inOrder.add(e.range().start().toBytes()[3] & 0xff));
            assertThat(inOrder).containsExactlyElementsOf(model.keySet());
        });
    }

    @Test
    void trimmingTheFrontOfAnExtentUpdatesItInPlaceAndOnPostgresqlAsAHotUpdate() {
        long subnet = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.1.0/24")).id();
        boolean postgres = db.kind() == Database.Kind.POSTGRESQL;
        FreeExtent before = db.jdbi().withHandle(h -> FreeExtents.lowest(h, subnet, SubnetLayout.NO_RANGE));
        IpAddress next = before.range().start().next();
        long hot = db.jdbi().inTransaction(h -> {
            BulkUpdates.trimStarts(h, List.of(new FreeExtent(before.id(), before.poolId(),
                    new AddressRange(next, before.range().end()))));
            // PostgreSQL counts the transaction's own HOT updates at once (pg_stat_xact_*); H2 has no such thing.
            return postgres ? h.createQuery("SELECT n_tup_hot_upd FROM pg_stat_xact_user_tables"
                    + " WHERE relname = 'free_extent'").mapTo(Long.class).one() : -1L;
        });
        FreeExtent after = db.jdbi().withHandle(h -> FreeExtents.lowest(h, subnet, SubnetLayout.NO_RANGE));
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.range()).isEqualTo(new AddressRange(next, before.range().end()));
        if (postgres) {
            assertThat(hot).as("HOT updates of free_extent in the trimming transaction").isEqualTo(1);
        }
    }

    private static IpAddress ip(int lastOctet) {
        return IpAddress.ofV4((198 << 24) | (18 << 16) | lastOctet);
    }

    private static Integer startOf(FreeExtent e) {
        return e == null ? null : e.range().start().toBytes()[3] & 0xff;
    }
}
