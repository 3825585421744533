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

/** Spaces, subnets (filters, child prefixes, free extents) and ranges over HTTP: happy paths and every error. */
@DatabaseTest
class IpamRoutesTest {
    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;

    IpamRoutesTest(TestDatabase db) {
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

    private long space(String name) {
        return admin.post("/api/v1/spaces", Map.of("name", name, "description", "test")).ok(201).get("id").asLong();
    }

    private JsonNode subnet(Object space, String prefix, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("space", space);
        body.put("prefix", prefix);
        return admin.post("/api/v1/subnets", body).ok(201);
    }

    @Test
    void spacesAreCreatedListedAndFoundByIdOrName() {
        Api.Res created = admin.post("/api/v1/spaces", Map.of("name", "lab-spaces"));
        long id = created.ok(201).get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/spaces/" + id);
        assertThat(admin.get("/api/v1/spaces/" + id).ok(200).get("name").asText()).isEqualTo("lab-spaces");
        assertThat(admin.get("/api/v1/spaces/lab-spaces").ok(200).get("id").asLong()).isEqualTo(id);
        admin.get("/api/v1/spaces/nope").problem(404);
        JsonNode list = admin.get("/api/v1/spaces?q=lab-spa").ok(200);
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("next").isNull()).isTrue();
        assertThat(list.get("results").get(0).get("createdBy").asText()).endsWith(":bootstrap-admin");
    }

    @Test
    void badSpacesWriteNothing() {
        space("dup");
        long before = Api.count(db, "address_space");
        admin.post("/api/v1/spaces", Map.of("name", "dup")).problem(422);
        admin.post("/api/v1/spaces", Map.of("name", "")).problem(422);
        admin.post("/api/v1/spaces", Map.of("name", "x", "vrf", "y")).problem(400);
        admin.post("/api/v1/spaces", "[1,2]").problem(400);
        admin.post("/api/v1/spaces", "").problem(400);
        admin.post("/api/v1/spaces", "{\"name\": 5, \"description\": {}}").problem(400);
        assertThat(Api.count(db, "address_space")).isEqualTo(before);
    }

    @Test
    void subnetsNestAndFilterBySpaceContainsAndQ() {
        long sp = space("filters");
        JsonNode parent = subnet("filters", "198.18.0.0/16", Map.of("container", true));
        JsonNode leaf = subnet(sp, "198.18.1.0/24", Map.of("gateway", "198.18.1.1", "vlan", 101,
                "dnsServers", List.of("198.18.0.53"), "description", "web tier"));
        assertThat(leaf.get("parent").asLong()).isEqualTo(parent.get("id").asLong());
        assertThat(leaf.get("gateway").asText()).isEqualTo("198.18.1.1");

        JsonNode got = admin.get("/api/v1/subnets/" + leaf.get("id").asLong()).ok(200);
        assertThat(got.get("utilization").get("size").asLong()).isEqualTo(253);
        assertThat(got.get("utilization").get("free").asLong()).isEqualTo(253);

        assertThat(admin.get("/api/v1/subnets?space=filters").ok(200).get("count").asInt()).isEqualTo(2);
        JsonNode contains = admin.get("/api/v1/subnets?space=" + sp + "&contains=198.18.1.77").ok(200);
        assertThat(contains.get("count").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/subnets?space=filters&contains=198.18.2.0/24").ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/subnets?space=filters&q=WEB").ok(200).get("results").get(0).get("prefix").asText())
                .isEqualTo("198.18.1.0/24");
        admin.get("/api/v1/subnets?contains=not-an-ip").problem(400);
        admin.get("/api/v1/subnets?space=nope").problem(422);
        admin.get("/api/v1/subnets?limit=1001").problem(400);
        admin.get("/api/v1/subnets?limit=abc").problem(400);
        admin.get("/api/v1/subnets/99999").problem(404);
        admin.get("/api/v1/subnets/abc").problem(404);
    }

    @Test
    void listCarriesUtilizationOnlyWhenAskedAndOnlyForThePage() {
        long sp = space("util-list");
        JsonNode leaf = subnet(sp, "198.18.3.0/24", Map.of());
        subnet(sp, "198.18.4.0/24", Map.of());
        admin.post("/api/v1/subnets/" + leaf.get("id").asLong() + "/allocations", Map.of("count", 3)).ok(201);

        JsonNode plain = admin.get("/api/v1/subnets?space=util-list").ok(200).get("results").get(0);
        assertThat(plain.has("utilization")).isFalse();
        JsonNode page = admin.get("/api/v1/subnets?space=util-list&utilization=true&limit=1").ok(200);
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("results")).hasSize(1);
        JsonNode u = page.get("results").get(0).get("utilization");
        assertThat(u.get("allocated").asLong()).isEqualTo(3);
        assertThat(u.get("free").asLong()).isEqualTo(u.get("size").asLong() - 3);
        assertThat(admin.get("/api/v1/subnets?space=util-list&utilization=false").ok(200).get("results").get(0)
                .has("utilization")).isFalse();
        assertThat(admin.get("/api/v1/subnets?utilization=yes").problem(400).get("detail").asText())
                .contains("utilization", "true or false");
    }

    @Test
    void pagingGivesCountAndNext() {
        long sp = space("paging");
        for (int i = 0; i < 5; i++) {
            subnet(sp, "198.18." + (10 + i) + ".0/24", Map.of());
        }
        JsonNode p1 = admin.get("/api/v1/subnets?space=paging&limit=2").ok(200);
        assertThat(p1.get("count").asInt()).isEqualTo(5);
        assertThat(p1.get("results")).hasSize(2);
        String next = p1.get("next").asText();
        assertThat(next).contains("offset=2").contains("limit=2").contains("space=paging");
        JsonNode p3 = admin.get("/api/v1/subnets?space=paging&limit=2&offset=4").ok(200);
        assertThat(p3.get("results")).hasSize(1);
        assertThat(p3.get("next").isNull()).isTrue();
        assertThat(admin.get(next).ok(200).get("results").get(0).get("prefix").asText()).isEqualTo("198.18.12.0/24");
    }

    @Test
    void badSubnetsAreProblemsAndWriteNothing() {
        long sp = space("bad-subnets");
        subnet(sp, "198.18.20.0/24", Map.of());
        long before = Api.count(db, "subnet");
        JsonNode hostBits = admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "198.18.30.1/24")).problem(422);
        assertThat(hostBits.get("suggestion").asText()).isEqualTo("198.18.30.0/24");
        admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "300.1.1.0/24")).problem(422);
        admin.post("/api/v1/subnets", Map.of("space", sp)).problem(422);
        admin.post("/api/v1/subnets", Map.of("prefix", "198.18.40.0/24")).problem(422);
        admin.post("/api/v1/subnets", Map.of("space", "missing", "prefix", "198.18.40.0/24")).problem(422);
        admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "198.18.40.0/24", "gateway", "198.18.41.1")).problem(422);
        admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "198.18.40.0/24", "vlan", 5000)).problem(422);
        admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "198.18.40.0/24", "vlan", "ten")).problem(400);
        admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "198.18.40.0/24", "mask", "255.255.255.0")).problem(400);
        admin.post("/api/v1/subnets", Map.of("space", List.of(1), "prefix", "198.18.40.0/24")).problem(400);
        admin.post("/api/v1/subnets", Map.of("space", sp, "prefix", "198.18.20.0/24")).problem(409);
        assertThat(Api.count(db, "subnet")).isEqualTo(before);
    }

    @Test
    void childPrefixesComeFromTheContainerAndFreeShowsTheGaps() {
        long sp = space("children");
        JsonNode c = subnet(sp, "198.18.64.0/24", Map.of("container", true));
        long id = c.get("id").asLong();
        JsonNode first = admin.post("/api/v1/subnets/" + id + "/child-prefixes", Map.of("prefixLength", 26,
                "description", "pods")).ok(201);
        assertThat(first.get("prefix").asText()).isEqualTo("198.18.64.0/26");
        assertThat(admin.post("/api/v1/subnets/" + id + "/child-prefixes", Map.of("prefixLength", 25)).ok(201)
                .get("prefix").asText()).isEqualTo("198.18.64.128/25");
        JsonNode free = admin.get("/api/v1/subnets/" + id + "/free").ok(200);
        assertThat(free.get("count").asInt()).isEqualTo(1);
        assertThat(free.get("results").get(0).get("start").asText()).isEqualTo("198.18.64.64");
        assertThat(free.get("results").get(0).get("size").asInt()).isEqualTo(64);

        long before = Api.count(db, "subnet");
        admin.post("/api/v1/subnets/" + id + "/child-prefixes", Map.of("prefixLength", 25)).problem(409);
        admin.post("/api/v1/subnets/" + id + "/child-prefixes", Map.of("prefixLength", 20)).problem(422);
        admin.post("/api/v1/subnets/" + id + "/child-prefixes", Map.of()).problem(422);
        admin.post("/api/v1/subnets/99999/child-prefixes", Map.of("prefixLength", 28)).problem(404);
        assertThat(Api.count(db, "subnet")).isEqualTo(before);
    }

    @Test
    void rangesAreCreatedListedDelegatedAndDeleted() {
        long sp = space("ranges");
        long subnet = subnet(sp, "198.18.80.0/24", Map.of("gateway", "198.18.80.1")).get("id").asLong();
        JsonNode r = admin.post("/api/v1/subnets/" + subnet + "/ranges", Map.of("start", "198.18.80.100",
                "end", "198.18.80.149", "purpose", "static", "owner", "bosh-west")).ok(201);
        assertThat(r.get("size").asInt()).isEqualTo(50);
        assertThat(r.get("owner").asText()).isEqualTo("bosh-west");
        JsonNode list = admin.get("/api/v1/subnets/" + subnet + "/ranges").ok(200);
        assertThat(list.get("count").asInt()).isEqualTo(1);
        JsonNode one = admin.get("/api/v1/ranges/" + r.get("id").asLong()).ok(200);
        assertThat(one.get("utilization").get("free").asInt()).isEqualTo(50);

        JsonNode free = admin.get("/api/v1/subnets/" + subnet + "/free").ok(200);
        assertThat(free.get("results").findValues("range").stream().filter(v -> !v.isNull()).count()).isEqualTo(1);

        long before = Api.count(db, "ip_range");
        String path = "/api/v1/subnets/" + subnet + "/ranges";
        admin.post(path, Map.of("start", "198.18.80.140", "end", "198.18.80.160", "purpose", "static")).problem(409);
        admin.post(path, Map.of("start", "198.18.80.200", "end", "198.18.81.10", "purpose", "static")).problem(422);
        admin.post(path, Map.of("start", "198.18.80.210", "end", "198.18.80.200", "purpose", "static")).problem(422);
        admin.post(path, Map.of("start", "198.18.80.200", "end", "198.18.80.210", "purpose", "floating")).problem(422);
        admin.post(path, Map.of("start", "198.18.80.200", "end", "198.18.80.210")).problem(422);
        admin.post(path, Map.of("start", "banana", "end", "198.18.80.210", "purpose", "static")).problem(422);
        admin.post("/api/v1/subnets/99999/ranges", Map.of("start", "198.18.80.200", "end", "198.18.80.210",
                "purpose", "static")).problem(404);
        assertThat(Api.count(db, "ip_range")).isEqualTo(before);

        admin.delete("/api/v1/subnets/" + subnet).problem(409);
        assertThat(admin.delete("/api/v1/ranges/" + r.get("id").asLong()).status()).isEqualTo(204);
        admin.get("/api/v1/ranges/" + r.get("id").asLong()).problem(404);
        assertThat(admin.delete("/api/v1/subnets/" + subnet).status()).isEqualTo(204);
        admin.get("/api/v1/subnets/" + subnet).problem(404);
    }
}
