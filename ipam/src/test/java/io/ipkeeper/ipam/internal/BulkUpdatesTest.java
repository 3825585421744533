package io.ipkeeper.ipam.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The multi-row UPDATE/DELETE statements of a batch flush, in both dialects (H2's MERGE, PostgreSQL's UPDATE FROM). */
@DatabaseTest
class BulkUpdatesTest {

    private static final AtomicInteger SPACES = new AtomicInteger();

    private final Database db;
    private final Ipam ipam;
    private final long space;

    BulkUpdatesTest(TestDatabase tdb) {
        this.db = Database.open(tdb.jdbcUrl(), tdb.user(), tdb.password(), 4);
        this.ipam = Ipam.create(db, IpamConfig.defaults(), Clock.systemUTC(), null);
        // one database per class, one instance per test: each test its own space
        this.space = ipam.spaces().create("test", "bulk-" + SPACES.incrementAndGet(), null).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Long> counters(String table, long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT allocated_count, reserved_count, quarantined_count FROM "
                + table + " WHERE id = :id").bind("id", id).map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2),
                rs.getLong(3))).one());
    }

    private List<FreeExtent> extents(long subnetId) {
        return db.jdbi().withHandle(h -> {
            List<FreeExtent> out = new ArrayList<>();
            FreeExtents.forEach(h, subnetId, SubnetLayout.NO_RANGE, out::add);
            return out;
        });
    }

    @Test
    void countersOfSeveralRowsChangeInOneStatementEachByItsOwnDelta() {
        long a = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.1.0/24")).id();
        long b = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.2.0/24")).id();
        long c = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.3.0/24")).id();
        long r = ipam.ranges().create("t", RangeSpec.of(c, "198.18.3.10", "198.18.3.20", RangePurpose.DYNAMIC)).id();
        db.jdbi().useTransaction(h -> {
            BulkUpdates.addCounts(h, "subnet", List.of(new long[] {a, 3, 0, 1}, new long[] {c, 0, 2, 0}));
            BulkUpdates.addCounts(h, "ip_range", List.<long[]>of(new long[] {r, 0, 2, 0}));
            BulkUpdates.addCounts(h, "subnet", List.<long[]>of(new long[] {a, -1, 1, 0}));
            BulkUpdates.addCounts(h, "subnet", List.of()); // nothing to do, no statement
        });
        assertThat(counters("subnet", a)).containsExactly(2L, 1L, 1L);
        assertThat(counters("subnet", b)).containsExactly(0L, 0L, 0L);
        assertThat(counters("subnet", c)).containsExactly(0L, 2L, 0L);
        assertThat(counters("ip_range", r)).containsExactly(0L, 2L, 0L);
    }

    @Test
    void aRowThatIsNotThereFailsTheTransactionAndNothingChanges() {
        long a = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.4.0/24")).id();
        assertThatThrownBy(() -> db.jdbi().useTransaction(h ->
                BulkUpdates.addCounts(h, "subnet", List.of(new long[] {a, 5, 0, 0}, new long[] {a + 1000, 1, 0, 0}))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 row(s) named, 1 found");
        assertThat(counters("subnet", a)).containsExactly(0L, 0L, 0L);
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> BulkUpdates.addCounts(h, "allocation", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extentsOfSeveralSubnetsAreTrimmedAndDeletedInOneStatementEach() {
        long a = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.5.0/24")).id();
        long b = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.6.0/24")).id();
        long c = ipam.subnets().create("t", SubnetSpec.of(space, "198.18.7.0/24")).id();
        FreeExtent ea = extents(a).get(0);
        FreeExtent eb = extents(b).get(0);
        FreeExtent ec = extents(c).get(0);
        assertThat(ea.range()).isEqualTo(new AddressRange(IpAddress.parse("198.18.5.1"), IpAddress.parse("198.18.5.254")));
        db.jdbi().useTransaction(h -> {
            BulkUpdates.trimStarts(h, List.of(
                    new FreeExtent(ea.id(), 0, new AddressRange(IpAddress.parse("198.18.5.9"), ea.range().end())),
                    new FreeExtent(eb.id(), 0, new AddressRange(IpAddress.parse("198.18.6.2"), eb.range().end()))));
            BulkUpdates.deleteExtents(h, List.of(ec.id()));
        });
        assertThat(extents(a)).extracting(FreeExtent::range)
                .containsExactly(new AddressRange(IpAddress.parse("198.18.5.9"), IpAddress.parse("198.18.5.254")));
        assertThat(extents(b)).extracting(FreeExtent::range)
                .containsExactly(new AddressRange(IpAddress.parse("198.18.6.2"), IpAddress.parse("198.18.6.254")));
        assertThat(extents(c)).isEmpty();
    }

    @Test
    void moreRowsThanOneStatementTakesAreSplitIntoChunks() {
        long a = ipam.subnets().create("t", SubnetSpec.of(space, "2001:db8:7::/64")).id();
        int n = BulkUpdates.CHUNK + 7;
        // n one-address extents, every other address of the /64's start (the free-space index's worst case)
        db.jdbi().useTransaction(h -> {
            h.execute("DELETE FROM free_extent WHERE subnet_id = ?", a);
            var batch = h.prepareBatch("INSERT INTO free_extent (subnet_id, range_id, start_address, end_address)"
                    + " VALUES (:s, 0, :a, :a)");
            IpAddress x = IpAddress.parse("2001:db8:7::2");
            for (int i = 0; i < n; i++, x = x.plus(2)) {
                batch.bind("s", a).bind("a", x.toBytes()).add();
            }
            batch.execute();
        });
        List<FreeExtent> before = extents(a);
        assertThat(before).hasSize(n);
        // a trim to the same start changes nothing but still finds its row; then they are all deleted
        db.jdbi().useTransaction(h -> {
            BulkUpdates.trimStarts(h, before);
            BulkUpdates.deleteExtents(h, before.stream().map(FreeExtent::id).toList());
        });
        assertThat(extents(a)).isEmpty();
    }
}
