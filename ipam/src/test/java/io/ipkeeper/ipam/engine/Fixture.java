package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.CandidateVetter;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.FreeIndexCheck;
import io.ipkeeper.testkit.TestDatabase;
import java.util.List;

/** One migrated database and an Ipam over it, for one test class run. */
final class Fixture {
    final Database db;
    final MutableClock clock = new MutableClock();
    final Ipam ipam;

    Fixture(TestDatabase tdb, CandidateVetter vetter) {
        this(tdb, vetter, IpamConfig.defaults());
    }

    Fixture(TestDatabase tdb, CandidateVetter vetter, IpamConfig config) {
        this.db = Database.open(tdb.jdbcUrl(), tdb.user(), tdb.password(), 8);
        this.ipam = Ipam.create(db, config, clock, vetter);
    }

    long space(String name) {
        return ipam.spaces().create("test", name, null).id();
    }

    long rows(String table) {
        Long n = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
        return n;
    }

    void assertIndexConsistent(long subnetId) {
        List<String> problems = db.jdbi().inTransaction(h -> FreeIndexCheck.check(h, subnetId));
        assertThat(problems).as("free-space index of subnet " + subnetId).isEmpty();
    }

    /** Runs {@code call}, which must fail with {@code type}, and asserts that no table changed. */
    <T extends Throwable> T rejects(Class<T> type, Runnable call) {
        List<Long> before = footprint();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(t).isInstanceOf(type);
        assertThat(footprint()).as("tables after a rejected request").isEqualTo(before);
        return type.cast(t);
    }

    /** Counts of every table a failed request must not touch. */
    List<Long> footprint() {
        return List.of(rows("allocation"), rows("allocation_history"), rows("audit_event"), rows("free_extent"),
                rows("idempotency_key"), rows("subnet"), rows("ip_range"));
    }
}
