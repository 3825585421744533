package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grants: the /grants resource, and the 403 cases of the role × endpoint matrix that depend on grants rather than
 * roles: engineer and service act only in granted spaces and ranges and as granted owners; admin is not narrowed;
 * reads are not narrowed.
 */
@DatabaseTest
class GrantEnforcementTest {
    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private long labSubnet;
    private long prodSubnet;
    private long boshRange;
    private long prodAllocation;

    GrantEnforcementTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 2);
        admin = Api.admin(server);
        if (admin.get("/api/v1/spaces/lab").status() == 404) {
            admin.post("/api/v1/spaces", Map.of("name", "lab")).ok(201);
            admin.post("/api/v1/spaces", Map.of("name", "prod")).ok(201);
            admin.post("/api/v1/subnets", Map.of("space", "lab", "prefix", "198.18.1.0/24")).ok(201);
            admin.post("/api/v1/subnets", Map.of("space", "prod", "prefix", "198.18.2.0/24")).ok(201);
        }
        labSubnet = admin.get("/api/v1/subnets?space=lab").ok(200).get("results").get(0).get("id").asLong();
        prodSubnet = admin.get("/api/v1/subnets?space=prod").ok(200).get("results").get(0).get("id").asLong();
        JsonNode ranges = admin.get("/api/v1/subnets/" + prodSubnet + "/ranges").ok(200);
        boshRange = ranges.get("count").asInt() > 0 ? ranges.get("results").get(0).get("id").asLong()
                : admin.post("/api/v1/subnets/" + prodSubnet + "/ranges", Map.of("start", "198.18.2.100",
                        "end", "198.18.2.149", "purpose", "static", "owner", "bosh-west")).ok(201).get("id").asLong();
        prodAllocation = admin.post("/api/v1/subnets/" + prodSubnet + "/allocations", Map.of()).ok(201).get(0)
                .get("id").asLong();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static int seq;

    private Api token(String role, String... grants) {
        return admin.withRole(role + "-" + (++seq) + "-" + System.nanoTime(), role, grants);
    }

    @Test
    void anEngineerAllocatesOnlyInGrantedSpacesAndAsGrantedOwners() {
        Api eng = token("engineer", "space:lab", "owner:team-a");
        long before = Api.count(db, "allocation");
        JsonNode denied = eng.post("/api/v1/subnets/" + prodSubnet + "/allocations", Map.of()).problem(403);
        assertThat(denied.get("type").asText()).endsWith("/grant-missing");
        assertThat(denied.get("detail").asText()).contains("space 'prod'");
        assertThat(denied.get("missingGrant").asText()).startsWith("space:");
        JsonNode owner = eng.post("/api/v1/subnets/" + labSubnet + "/allocations", Map.of("owner", "team-b"))
                .problem(403);
        assertThat(owner.get("detail").asText()).contains("owner 'team-b'");
        eng.patch("/api/v1/allocations/" + prodAllocation, Map.of("hostname", "x"), Map.of()).problem(403);
        eng.delete("/api/v1/allocations/" + prodAllocation).problem(403);
        assertThat(Api.count(db, "allocation")).isEqualTo(before);
        assertThat(admin.get("/api/v1/allocations/" + prodAllocation).ok(200).get("state").asText())
                .isEqualTo("allocated");

        JsonNode mine = eng.post("/api/v1/subnets/" + labSubnet + "/allocations", Map.of("owner", "team-a")).ok(201);
        long id = mine.get(0).get("id").asLong();
        eng.patch("/api/v1/allocations/" + id, Map.of("hostname", "web"), Map.of()).ok(200);
        eng.delete("/api/v1/allocations/" + id).ok(200);
        // Reads are not narrowed.
        assertThat(eng.get("/api/v1/allocations/" + prodAllocation).status()).isEqualTo(200);
        assertThat(eng.get("/api/v1/subnets/" + prodSubnet).status()).isEqualTo(200);
    }

    @Test
    void aServiceWithARangeGrantAllocatesInsideItsDelegatedBlockOnly() {
        Api bosh = token("service", "range:" + boshRange, "owner:bosh-west");
        JsonNode got = bosh.post("/api/v1/ranges/" + boshRange + "/allocations", Map.of("owner", "bosh-west", "count", 2))
                .ok(201);
        assertThat(got).hasSize(2);
        // A range grant is not the whole subnet, nor the whole space.
        bosh.post("/api/v1/subnets/" + prodSubnet + "/allocations", Map.of("owner", "bosh-west")).problem(403);
        // The range serves its owner only: allocating there is acting as bosh-west.
        Api other = token("service", "range:" + boshRange, "owner:bosh-east");
        assertThat(other.post("/api/v1/ranges/" + boshRange + "/allocations", Map.of("owner", "bosh-west"))
                .problem(403).get("detail").asText()).contains("owner 'bosh-west'");
        Api noOwner = token("service", "range:" + boshRange);
        noOwner.post("/api/v1/ranges/" + boshRange + "/allocations", Map.of("owner", "bosh-west")).problem(403);
        // ...and an engineer of the space may not release the director's addresses without the owner grant.
        Api eng = token("engineer", "space:prod");
        eng.delete("/api/v1/allocations/" + got.get(0).get("id").asLong()).problem(403);
        bosh.delete("/api/v1/allocations/" + got.get(0).get("id").asLong()).ok(200);
    }

    @Test
    void adminIsNotNarrowedAndATokenWithoutGrantsChangesNothing() {
        admin.post("/api/v1/subnets/" + labSubnet + "/allocations", Map.of("owner", "anyone")).ok(201);
        Api none = token("engineer");
        assertThat(none.post("/api/v1/subnets/" + labSubnet + "/allocations", Map.of()).problem(403).get("detail")
                .asText()).contains("acts only inside its grants");
        // Unknown ids stay 404 for everyone.
        none.post("/api/v1/subnets/987654/allocations", Map.of()).problem(404);
    }

    @Test
    void grantsAreListedFilteredDeletedAndAudited() {
        JsonNode user = admin.post("/api/v1/users", Map.of("username", "ops-" + (++seq), "role", "engineer",
                "password", "correct horse battery staple")).ok(201);
        String name = user.get("username").asText();
        JsonNode g = admin.post("/api/v1/grants", Map.of("user", name, "scope", "space", "value", "lab")).ok(201);
        assertThat(g.get("user").asText()).isEqualTo(name);
        assertThat(g.get("scope").asText()).isEqualTo("space");
        admin.post("/api/v1/grants", Map.of("user", name, "scope", "space", "value", "lab")).problem(422);
        admin.post("/api/v1/grants", Map.of("user", name, "scope", "subnet", "value", "1")).problem(422);
        admin.post("/api/v1/grants", Map.of("user", name, "scope", "space", "value", "no-such")).problem(404);
        admin.post("/api/v1/grants", Map.of("user", name, "token", "1", "scope", "owner", "value", "x")).problem(422);
        admin.post("/api/v1/grants", Map.of("user", "nobody", "scope", "owner", "value", "x")).problem(404);
        admin.post("/api/v1/grants", Map.of("user", name, "scope", "range", "value", "abc")).problem(422);
        admin.post("/api/v1/grants", Map.of("user", name, "scope", "owner", "value", "team-a")).ok(201);

        JsonNode list = admin.get("/api/v1/grants?user=" + name).ok(200);
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/grants?user=" + name + "&scope=owner").ok(200).get("count").asInt()).isEqualTo(1);
        admin.get("/api/v1/grants?scope=bogus").problem(422);

        // The user's session carries the grants (who-am-I shows them).
        Api.Res login = Api.anonymous(server).post("/api/v1/session", Map.of("username", name,
                "password", "correct horse battery staple"));
        login.ok(201);
        String cookie = login.header("Set-Cookie").split(";")[0];
        JsonNode me = Api.anonymous(server).send("GET", "/api/v1/session", null, Map.of("Cookie", cookie)).ok(200);
        assertThat(me.get("grants").toString()).contains("team-a").contains("space");

        assertThat(admin.delete("/api/v1/grants/" + g.get("id").asLong()).status()).isEqualTo(204);
        admin.delete("/api/v1/grants/" + g.get("id").asLong()).problem(404);
        JsonNode audit = admin.get("/api/v1/audit?objectType=access_grant").ok(200);
        assertThat(audit.get("results").get(0).get("action").asText()).isEqualTo("grant.delete");
        assertThat(audit.get("results").get(0).get("actor").asText()).endsWith(":bootstrap-admin");
    }
}
