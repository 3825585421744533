package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.conflicts.ConflictKind;
import io.ipkeeper.server.conflicts.ConflictStore;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/conflicts} over HTTP: empty until something reports, then paged and filtered; acknowledging is
 * audited, idempotent, and refused for a resolved conflict. (The host agents write the rows in a later issue; here
 * the store writes them.)
 */
@DatabaseTest
class ConflictsTest {
    private static final Instant SEEN = Instant.parse("2026-11-23T10:00:00Z");

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private Database database;
    private ConflictStore store;

    ConflictsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 2);
        admin = Api.admin(server);
        database = Database.open(db.jdbcUrl(), db.user(), db.password(), 2);
        store = new ConflictStore(database.jdbi(), Clock.systemUTC());
        Api.execute(db, "DELETE FROM conflict");
    }

    @AfterEach
    void stop() {
        database.close();
        server.close();
    }

    private long space(String name) {
        if (admin.get("/api/v1/spaces/" + name).status() == 404) {
            admin.post("/api/v1/spaces", Map.of("name", name)).ok(201);
        }
        return admin.get("/api/v1/spaces/" + name).ok(200).get("id").asLong();
    }

    @Test
    void emptyUntilReportedThenListedNewestFirstWithFilters() {
        JsonNode empty = admin.get("/api/v1/conflicts").ok(200);
        assertThat(empty.get("count").asInt()).isZero();
        assertThat(empty.get("results")).isEmpty();

        long lab = space("conflict-lab");
        long prod = space("conflict-prod");
        store.report(lab, IpAddress.parse("198.18.70.10"), ConflictKind.DUPLICATE,
                List.of("02:00:00:00:00:01", "02:00:00:00:00:02"), SEEN);
        store.report(lab, IpAddress.parse("198.18.70.11"), ConflictKind.STALE, List.of(), SEEN);
        store.report(prod, IpAddress.parse("2001:db8::7"), ConflictKind.MAC_MISMATCH, List.of("02:00:00:00:00:AA"), SEEN);

        JsonNode all = admin.get("/api/v1/conflicts").ok(200);
        assertThat(all.get("count").asInt()).isEqualTo(3);
        JsonNode newest = all.get("results").get(0);
        assertThat(newest.get("address").asText()).isEqualTo("2001:db8::7");
        assertThat(newest.get("macs").get(0).asText()).as("stored lower case").isEqualTo("02:00:00:00:00:aa");
        assertThat(newest.get("state").asText()).isEqualTo("open");

        assertThat(admin.get("/api/v1/conflicts?space=conflict-lab").ok(200).get("count").asInt()).isEqualTo(2);
        JsonNode dup = admin.get("/api/v1/conflicts?kind=duplicate&space=" + lab).ok(200);
        assertThat(dup.get("count").asInt()).isEqualTo(1);
        assertThat(dup.get("results").get(0).get("macs")).hasSize(2);
        assertThat(admin.get("/api/v1/conflicts?limit=1").ok(200).get("next").asText()).contains("offset=1");

        admin.get("/api/v1/conflicts?kind=weird").problem(400);
        admin.get("/api/v1/conflicts?state=closed").problem(400);
        admin.get("/api/v1/conflicts?space=no-such-space").problem(422);
    }

    @Test
    void acknowledgingIsAuditedIdempotentAndRefusedOnceResolved() {
        long lab = space("conflict-ack");
        long id = store.report(lab, IpAddress.parse("198.18.71.5"), ConflictKind.UNALLOCATED_IN_USE,
                List.of("02:00:00:00:00:05"), SEEN).id();

        admin.withRole("conflict-viewer", "viewer").post("/api/v1/conflicts/" + id + "/acknowledge", Map.of()).problem(403);
        JsonNode acked = admin.post("/api/v1/conflicts/" + id + "/acknowledge", Map.of()).ok(200);
        assertThat(acked.get("state").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("acknowledgedBy").asText()).contains("admin");
        assertThat(acked.get("acknowledgedAt").asText()).isNotBlank();
        JsonNode again = admin.post("/api/v1/conflicts/" + id + "/acknowledge", Map.of()).ok(200);
        assertThat(again.get("acknowledgedAt").asText()).as("unchanged").isEqualTo(acked.get("acknowledgedAt").asText());
        JsonNode audit = admin.get("/api/v1/audit?objectType=conflict&objectId=" + id).ok(200);
        assertThat(audit.get("count").asInt()).as("one audit event, not two").isEqualTo(1);
        assertThat(admin.get("/api/v1/conflicts?state=acknowledged").ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/conflicts/" + id).ok(200).get("state").asText()).isEqualTo("acknowledged");

        Api.execute(db, "UPDATE conflict SET state = 'resolved' WHERE id = " + id);
        assertThat(admin.post("/api/v1/conflicts/" + id + "/acknowledge", Map.of()).problem(409).get("detail").asText())
                .contains("resolved");
        admin.post("/api/v1/conflicts/987654/acknowledge", Map.of()).problem(404);
        admin.get("/api/v1/conflicts/987654").problem(404);
    }
}
