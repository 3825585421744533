package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V3's composite key: an allocation row must name an existing subnet <i>and</i> that subnet's space (one
 * referential check per inserted row instead of two, and a stronger one).
 */
@DatabaseTest
class AllocationSubnetKeyTest {

    /** PostgreSQL's foreign_key_violation; H2 reports a missing parent as 23506 (referential integrity, child). */
    private static final String[] FK_VIOLATION = {"23503", "23506"};

    private final Fixture f;

    AllocationSubnetKeyTest(TestDatabase db) {
        this.f = new Fixture(db, null);
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private Throwable insert(long spaceId, long subnetId, String address) {
        return catchThrowable(() -> f.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO allocation (space_id, subnet_id,"
                        + " address, state, created_by, created_at) VALUES (:sp, :sn, :a, 'allocated', 't', :at)")
                .bind("sp", spaceId).bind("sn", subnetId).bind("a", IpAddress.parse(address).toBytes())
                .bind("at", OffsetDateTime.now()).execute()));
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        return null;
    }

    @Test
    void anAllocationRowMustNameItsSubnetsOwnSpace() {
        long a = f.space("a");
        long b = f.space("b");
        long subnet = f.ipam.subnets().create("t", SubnetSpec.of(a, "198.18.9.0/24")).id();
        long before = f.rows("allocation");
        // another space's id (which exists), or a subnet that does not exist: both refused by the key
        assertThat(sqlState(insert(b, subnet, "198.18.9.7"))).isIn(FK_VIOLATION);
        assertThat(sqlState(insert(a, subnet + 1000, "198.18.9.7"))).isIn(FK_VIOLATION);
        assertThat(f.rows("allocation")).isEqualTo(before);
        // the allocator's own rows satisfy it
        assertThat(f.ipam.allocator().allocate("t", AllocationRequest.nextFree(subnet)).get(0).spaceId()).isEqualTo(a);
        assertThat(insert(a, subnet, "198.18.9.200")).isNull();
    }
}
