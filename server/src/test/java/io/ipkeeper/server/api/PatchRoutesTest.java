package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PATCH and DELETE of spaces, subnets and ranges over HTTP: merge-patch semantics, ETag/If-Match (412 on a lost
 * update, nothing written), bad input refused with nothing changed, and deletes refused while something depends.
 */
@DatabaseTest
class PatchRoutesTest {
    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;

    PatchRoutesTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 2);
        admin = Api.admin(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long subnet(String space, String prefix, String gateway) {
        admin.post("/api/v1/spaces", Map.of("name", space)).ok(201);
        return admin.post("/api/v1/subnets", Map.of("space", space, "prefix", prefix, "gateway", gateway)).ok(201)
                .get("id").asLong();
    }

    @Test
    void aSubnetPatchChangesOnlyTheGivenFieldsAndALostUpdateIs412() {
        long id = subnet("patch-subnet", "198.18.10.0/24", "198.18.10.1");
        Api.Res read = admin.get("/api/v1/subnets/" + id);
        read.ok(200);
        String etag = read.header("ETag");
        assertThat(etag).startsWith("W/\"");

        Api.Res changed = admin.patch("/api/v1/subnets/" + id, Map.of("description", "racks 1-4", "vlan", 42,
                "dnsServers", List.of("198.18.10.53")), Map.of("If-Match", etag));
        JsonNode s = changed.ok(200);
        assertThat(s.get("description").asText()).isEqualTo("racks 1-4");
        assertThat(s.get("vlan").asInt()).isEqualTo(42);
        assertThat(s.get("gateway").asText()).as("absent field kept").isEqualTo("198.18.10.1");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        JsonNode lost = admin.patch("/api/v1/subnets/" + id, Map.of("description", "stale"), Map.of("If-Match", etag))
                .problem(412);
        assertThat(lost.get("currentEtag").asText()).isEqualTo(changed.header("ETag"));
        assertThat(admin.get("/api/v1/subnets/" + id).ok(200).get("description").asText()).isEqualTo("racks 1-4");

        Map<String, Object> clear = new HashMap<>();
        clear.put("vlan", null);
        assertThat(admin.patch("/api/v1/subnets/" + id, clear, Map.of()).ok(200).get("vlan").isNull())
                .as("null clears").isTrue();
        long audits = Api.count(db, "audit_event");
        admin.patch("/api/v1/subnets/" + id, Map.of("prefix", "198.18.11.0/24"), Map.of()).problem(400);
        admin.patch("/api/v1/subnets/" + id, Map.of(), Map.of()).problem(422);
        admin.patch("/api/v1/subnets/" + id, Map.of("vlan", "forty"), Map.of()).problem(400);
        admin.patch("/api/v1/subnets/" + id, Map.of("gateway", "198.18.99.1"), Map.of()).problem(422);
        admin.patch("/api/v1/subnets/999999", Map.of("description", "x"), Map.of()).problem(404);
        assertThat(Api.count(db, "audit_event")).as("refused patches write nothing").isEqualTo(audits);
    }

    @Test
    void aRangePatchMovesOrRedelegatesItAndALostUpdateIs412() {
        long subnet = subnet("patch-range", "198.18.20.0/24", "198.18.20.1");
        long range = admin.post("/api/v1/subnets/" + subnet + "/ranges", Map.of("start", "198.18.20.100",
                "end", "198.18.20.149", "purpose", "dynamic")).ok(201).get("id").asLong();
        String etag = admin.get("/api/v1/ranges/" + range).header("ETag");

        Api.Res moved = admin.patch("/api/v1/ranges/" + range, Map.of("start", "198.18.20.100", "end", "198.18.20.199",
                "owner", "director-a"), Map.of("If-Match", etag));
        JsonNode r = moved.ok(200);
        assertThat(r.get("end").asText()).isEqualTo("198.18.20.199");
        assertThat(r.get("owner").asText()).isEqualTo("director-a");

        admin.patch("/api/v1/ranges/" + range, Map.of("description", "stale"), Map.of("If-Match", etag)).problem(412);
        admin.patch("/api/v1/ranges/" + range, Map.of("start", "198.18.20.90"), Map.of()).problem(422);
        admin.patch("/api/v1/ranges/" + range, Map.of("purpose", "nonsense"), Map.of()).problem(422);
        admin.patch("/api/v1/ranges/" + range, Map.of("start", "198.18.21.1", "end", "198.18.21.9"), Map.of())
                .problem(422);
        JsonNode now = admin.get("/api/v1/ranges/" + range).ok(200);
        assertThat(now.get("start").asText()).isEqualTo("198.18.20.100");
        assertThat(now.get("description").isNull()).isTrue();
    }

    @Test
    void aSpaceCanBeRenamedAndDeletedOnlyWhenEmpty() {
        long subnet = subnet("patch-space", "198.18.30.0/24", "198.18.30.1");
        String etag = admin.get("/api/v1/spaces/patch-space").header("ETag");
        Api.Res renamed = admin.patch("/api/v1/spaces/patch-space", Map.of("name", "lab-2", "description", "lab"),
                Map.of("If-Match", etag));
        assertThat(renamed.ok(200).get("name").asText()).isEqualTo("lab-2");
        admin.patch("/api/v1/spaces/lab-2", Map.of("description", "stale"), Map.of("If-Match", etag)).problem(412);
        Map<String, Object> noName = new HashMap<>();
        noName.put("name", null);
        admin.patch("/api/v1/spaces/lab-2", noName, Map.of()).problem(422);
        admin.post("/api/v1/spaces", Map.of("name", "taken")).ok(201);
        admin.patch("/api/v1/spaces/lab-2", Map.of("name", "taken"), Map.of()).problem(422);

        JsonNode refused = admin.delete("/api/v1/spaces/lab-2").problem(409);
        assertThat(refused.get("detail").asText()).contains("1 subnet(s)");
        admin.delete("/api/v1/subnets/" + subnet).ok(204);
        admin.delete("/api/v1/spaces/lab-2").ok(204);
        admin.get("/api/v1/spaces/lab-2").problem(404);
        admin.delete("/api/v1/spaces/lab-2").problem(404);
    }

    @Test
    void aSubnetWithAllocationsIsNotDeleted() {
        long subnet = subnet("patch-delete", "198.18.40.0/24", "198.18.40.1");
        admin.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("hostname", "keep")).ok(201);
        assertThat(admin.delete("/api/v1/subnets/" + subnet).problem(409).get("detail").asText())
                .contains("1 live allocation(s)");
        admin.get("/api/v1/subnets/" + subnet).ok(200);
    }
}
