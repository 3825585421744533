package io.ipkeeper.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention sweeper deletes exactly the events past the retention, in batches, also with two sweepers at once. */
@DatabaseTest
class AuditSweeperTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TestDatabase db;
    private Database database;

    AuditSweeperTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void open() throws Exception {
        database = Database.open(db.jdbcUrl(), db.user(), db.password(), 4);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM audit_event");
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void insert(int n, Instant at) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event"
                + " (occurred_at, principal, action, object_type) VALUES (?, 'test', 'space.create', 'address_space')")) {
            for (int i = 0; i < n; i++) {
                ps.setTimestamp(1, Timestamp.from(at.plusMillis(i)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private long count(String where) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_event " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void deletesOnlyEventsOlderThanTheRetentionInSeveralBatches() throws Exception {
        int old = AuditSweeper.BATCH * 2 + 17;
        insert(old, NOW.minus(Duration.ofDays(40)));
        insert(25, NOW.minus(Duration.ofDays(20)));
        AuditSweeper sweeper = new AuditSweeper(database.jdbi(), CLOCK, Retention.parse("P30D"));
        assertThat(sweeper.sweep()).isEqualTo(old);
        assertThat(count("")).isEqualTo(25);
        assertThat(sweeper.sweep()).as("nothing left to do").isZero();
    }

    @Test
    void foreverDeletesNothing() throws Exception {
        insert(10, NOW.minus(Duration.ofDays(4000)));
        assertThat(new AuditSweeper(database.jdbi(), CLOCK, Retention.FOREVER).sweep()).isZero();
        assertThat(count("")).isEqualTo(10);
    }

    @Test
    void twoSweepersAtOnceDeleteEachEventOnceAndFailNowhere() throws Exception {
        // Several servers exist only on PostgreSQL (an embedded H2 file is locked to one process), but two sweeping
        // threads in one process must not double-count or fail on H2 either.
        int old = AuditSweeper.BATCH * 4;
        insert(old, NOW.minus(Duration.ofDays(400)));
        insert(5, NOW);
        List<Future<Integer>> rounds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                AuditSweeper s = new AuditSweeper(database.jdbi(), CLOCK, Retention.parse("P365D"));
                rounds.add(pool.submit(s::sweep));
            }
            int total = 0;
            for (Future<Integer> f : rounds) {
                total += f.get();
            }
            assertThat(total).isEqualTo(old);
        }
        assertThat(count("")).isEqualTo(5);
    }
}
