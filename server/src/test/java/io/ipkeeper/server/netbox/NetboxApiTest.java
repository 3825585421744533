package io.ipkeeper.server.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NetBox adapter's shapes and conventions as NetBox 4.5 answers them (docs/netbox-compat.md), on H2 and
 * PostgreSQL: the allocation paths write through the same engine and audit as /api/v1.
 */
@DatabaseTest
class NetboxApiTest {
    private final TestDatabase classDb;
    private TestDatabase db;
    private IpkeeperServer server;
    private Api v1;
    private Netbox nb;
    private long leaf;
    private long small;
    private long range;
    private long vrfSpace;

    NetboxApiTest(TestDatabase db) {
        this.classDb = db;
    }

    /** Each test gets a fresh database of the class's kind: the tests count objects and exhaust prefixes. */
    @BeforeEach
    void start() {
        db = TestDatabase.create(classDb.kind(), "netbox");
        server = Api.start(db, 4);
        v1 = Api.admin(server);
        nb = Netbox.admin(server);
        v1.post("/api/v1/spaces", Map.of("name", "default")).ok(201);
        vrfSpace = v1.post("/api/v1/spaces", Map.of("name", "lab")).ok(201).get("id").asLong();
        leaf = v1.post("/api/v1/subnets", Map.of("space", "default", "prefix", "198.18.10.0/24")).ok(201).get("id").asLong();
        small = v1.post("/api/v1/subnets", Map.of("space", "lab", "prefix", "198.18.20.0/29")).ok(201).get("id").asLong();
        range = v1.post("/api/v1/subnets/" + leaf + "/ranges", Map.of("start", "198.18.10.100", "end", "198.18.10.109",
                "purpose", "static")).ok(201).get("id").asLong();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void rootIsOpenAndEveryApiResponseCarriesTheVersion() {
        Api.Res root = Api.anonymous(server).get("/api/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("API-Version")).isEqualTo("4.5");
        Api.Res status = nb.get("/api/status/");
        assertThat(status.ok(200).get("netbox-version").asText()).matches("4\\.5\\.\\d+");
        assertThat(status.header("API-Version")).isEqualTo("4.5");
        assertThat(nb.get("/api/ipam/prefixes/987654/").header("API-Version")).isEqualTo("4.5");
        // an endpoint the adapter does not have says where the supported list is
        Api.Res unknown = nb.get("/api/dcim/devices/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("docs/netbox-compat.md");
    }

    @Test
    void badOrMissingTokensAre403WithDetail() {
        Api.Res none = Api.anonymous(server).get("/api/ipam/prefixes/");
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.json().get("detail").asText()).contains("credentials were not provided");
        assertThat(Netbox.token(server, "0123456789abcdef").get("/api/ipam/prefixes/").status()).isEqualTo(403);
        assertThat(Netbox.token(server, "0123456789abcdef").get("/api/ipam/prefixes/").json().get("detail").asText())
                .isEqualTo("Invalid v1 token");
        assertThat(Netbox.token(server, "nbt_abc.wrong").get("/api/ipam/prefixes/").json().get("detail").asText())
                .startsWith("Invalid v2 token");
        // the version comes from the nbt_ prefix, under either keyword
        assertThat(Netbox.token(server, "nbt_admin." + Api.ADMIN_TOKEN).get("/api/ipam/prefixes/").status()).isEqualTo(200);
        assertThat(Netbox.authorization(server, "Bearer nbt_admin." + Api.ADMIN_TOKEN).get("/api/ipam/prefixes/")
                .status()).isEqualTo(200);
        assertThat(Netbox.authorization(server, "bearer " + Api.ADMIN_TOKEN).get("/api/ipam/prefixes/").status())
                .isEqualTo(200);
    }

    @Test
    void prefixesListInNetboxEnvelopeWithFiltersPagingAndBrief() {
        JsonNode all = nb.get("/api/ipam/prefixes/?limit=0").ok(200);
        assertThat(all.get("count").asInt()).isEqualTo(2);
        assertThat(all.get("next").isNull()).isTrue();
        JsonNode p = all.get("results").get(0);
        assertThat(p.get("prefix").asText()).isEqualTo("198.18.10.0/24");
        assertThat(p.get("vrf").isNull()).isTrue();
        assertThat(p.get("family").get("value").asInt()).isEqualTo(4);
        assertThat(p.get("status").get("value").asText()).isEqualTo("active");
        assertThat(p.get("url").asText()).isEqualTo(server.url() + "/api/ipam/prefixes/" + leaf + "/");
        assertThat(p.get("tags").isArray()).isTrue();
        assertThat(p.has("scope_type") && p.has("tenant") && p.has("_depth") && p.has("children")).isTrue();
        JsonNode lab = all.get("results").get(1);
        assertThat(lab.get("vrf").get("id").asLong()).isEqualTo(vrfSpace);
        assertThat(lab.get("vrf").get("url").asText()).endsWith("/api/ipam/vrfs/" + vrfSpace + "/");

        assertThat(nb.get("/api/ipam/prefixes/?prefix=198.18.20.0/29").ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(nb.get("/api/ipam/prefixes/?vrf_id=null").ok(200).get("results").get(0).get("id").asLong()).isEqualTo(leaf);
        assertThat(nb.get("/api/ipam/prefixes/?vrf_id=" + vrfSpace).ok(200).get("results").get(0).get("id").asLong())
                .isEqualTo(small);
        assertThat(nb.get("/api/ipam/prefixes/?id=" + small).ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(nb.get("/api/ipam/prefixes/?prefix=198.18.99.0/24").ok(200).get("count").asInt()).isZero();
        assertThat(nb.get("/api/ipam/prefixes/?prefix=nonsense").ok(400).has("prefix")).isTrue();

        // next is absolute and built from the Host header, so a client behind another name can follow it
        JsonNode page1 = nb.send("GET", "/api/ipam/prefixes/?limit=1", null, Map.of()).ok(200);
        assertThat(page1.get("count").asInt()).isEqualTo(2);
        assertThat(page1.get("results")).hasSize(1);
        assertThat(page1.get("next").asText()).isEqualTo(server.url() + "/api/ipam/prefixes/?limit=1&offset=1");
        JsonNode page2 = nb.get("/api/ipam/prefixes/?limit=1&offset=1").ok(200);
        assertThat(page2.get("next").isNull()).isTrue();
        assertThat(page2.get("previous").asText()).isEqualTo(server.url() + "/api/ipam/prefixes/?limit=1");

        JsonNode brief = nb.get("/api/ipam/prefixes/?brief=1").ok(200).get("results").get(0);
        List<String> fields = new ArrayList<>();
        brief.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "url", "display", "family", "prefix", "description", "_depth");

        assertThat(nb.get("/api/ipam/prefixes/" + leaf + "/").ok(200).get("prefix").asText()).isEqualTo("198.18.10.0/24");
        assertThat(nb.get("/api/ipam/prefixes/987654/").status()).isEqualTo(404);
    }

    @Test
    void availableIpsGetIsABareArrayWithIntegerFamily() {
        JsonNode free = nb.get("/api/ipam/prefixes/" + small + "/available-ips/").ok(200);
        assertThat(free.isArray()).isTrue();
        assertThat(free.get(0).get("family").isInt()).isTrue();
        assertThat(free.get(0).get("address").asText()).isEqualTo("198.18.20.1/29");
        assertThat(free.get(0).get("vrf").get("id").asLong()).isEqualTo(vrfSpace);
        assertThat(nb.get("/api/ipam/prefixes/" + small + "/available-ips/?limit=2").ok(200)).hasSize(2);
        JsonNode inRange = nb.get("/api/ipam/ip-ranges/" + range + "/available-ips/").ok(200);
        assertThat(inRange).hasSize(10);
        assertThat(inRange.get(0).get("address").asText()).isEqualTo("198.18.10.100/24");
    }

    @Test
    void availableIpsPostEchoesTheBodyShapeAndIsAllOrNone() {
        String path = "/api/ipam/prefixes/" + small + "/available-ips/";
        JsonNode one = nb.send("POST", path, "{\"description\": \"web\", \"no_such_key\": 1}",
                Map.of("Content-Type", "application/json;")).ok(201);
        assertThat(one.isObject()).isTrue();
        assertThat(one.get("address").asText()).isEqualTo("198.18.20.1/29");
        assertThat(one.get("description").asText()).isEqualTo("web");
        assertThat(one.get("status").get("value").asText()).isEqualTo("active");
        assertThat(one.get("url").asText()).isEqualTo(server.url() + "/api/ipam/ip-addresses/" + one.get("id").asLong() + "/");
        JsonNode two = nb.post(path, List.of(Map.of("dns_name", "a.example"), Map.of("dns_name", "b.example"))).ok(201);
        assertThat(two.isArray()).isTrue();
        assertThat(two).hasSize(2);
        assertThat(two.get(0).get("dns_name").asText()).isEqualTo("a.example");
        assertThat(two.get(1).get("dns_name").asText()).isEqualTo("b.example");
        // 3 addresses left (.4 .5 .6): a list of 4 gets none of them
        List<Map<String, Object>> four = List.of(Map.of(), Map.of(), Map.of(), Map.of());
        Api.Res tooMany = nb.post(path, four);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("detail").asText())
                .isEqualTo("Insufficient resources are available to satisfy the request");
        assertThat(nb.get(path).ok(200)).hasSize(3);
        assertThat(nb.post(path, List.of(Map.of(), Map.of(), Map.of())).ok(201)).hasSize(3);
        assertThat(nb.post(path, Map.of()).status()).isEqualTo(409);
        assertThat(nb.get(path).ok(200)).isEmpty();
        // every allocation is in ipkeeper's audit log under the token that made it
        assertThat(v1.get("/api/v1/audit?action=allocation.create").ok(200).get("count").asInt()).isEqualTo(6);
    }

    @Test
    void unsupportedRelationsWithRealValuesAreFieldErrorsAndChangeNothing() {
        String path = "/api/ipam/prefixes/" + small + "/available-ips/";
        JsonNode err = nb.post(path, Map.of("tenant", 5, "tags", List.of(Map.of("name", "x")))).ok(400);
        assertThat(err.get("tenant").get(0).asText()).contains("does not model");
        assertThat(err.get("tags").isArray()).isTrue();
        assertThat(nb.post(path, Map.of("status", "dhcp")).ok(400).has("status")).isTrue();
        assertThat(nb.get(path).ok(200)).hasSize(6);
        // empty values for the same relations are fine
        Map<String, Object> empties = new java.util.HashMap<>();
        empties.put("tenant", null);
        empties.put("role", "");
        empties.put("tags", List.of());
        empties.put("custom_fields", Map.of());
        empties.put("assigned_object_type", "");
        assertThat(nb.post(path, empties).status()).isEqualTo(201);
    }

    @Test
    void ipAddressesCrudFiltersAndBulkDelete() {
        String list = "/api/ipam/ip-addresses/";
        JsonNode made = nb.post(list, Map.of("address", "198.18.10.7/24", "dns_name", "db.example", "status", "active"))
                .ok(201);
        long id = made.get("id").asLong();
        assertThat(made.get("vrf").isNull()).isTrue();
        assertThat(nb.post(list, Map.of("address", "198.18.10.7/24")).ok(400).has("address")).isTrue();
        assertThat(nb.post(list, Map.of("address", "198.18.10.8/16")).ok(400).get("address").get(0).asText())
                .contains("/24");
        assertThat(nb.post(list, Map.of("address", "198.18.20.3/29", "vrf", vrfSpace)).ok(201).get("vrf").get("id")
                .asLong()).isEqualTo(vrfSpace);
        JsonNode reserved = nb.post(list, Map.of("address", "198.18.10.9/24", "status", "reserved")).ok(201);
        assertThat(reserved.get("status").get("value").asText()).isEqualTo("reserved");

        assertThat(nb.get(list + "?address=198.18.10.7/24").ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(nb.get(list + "?address=198.18.10.7").ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(nb.get(list + "?address=198.18.10.7/25").ok(200).get("count").asInt()).isZero();
        assertThat(nb.get(list + "?parent=198.18.10.0/24").ok(200).get("count").asInt()).isEqualTo(2);
        assertThat(nb.get(list + "?vrf_id=" + vrfSpace).ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(nb.get(list + "?id=" + id).ok(200).get("results").get(0).get("dns_name").asText()).isEqualTo("db.example");
        assertThat(nb.get(list + "?id=987654").ok(200).get("count").asInt()).isZero();

        JsonNode patched = nb.send("PATCH", list + id + "/", Map.of("description", "primary")).ok(200);
        assertThat(patched.get("description").asText()).isEqualTo("primary");
        assertThat(patched.get("dns_name").asText()).isEqualTo("db.example");
        assertThat(nb.send("PATCH", list + id + "/", Map.of("address", "198.18.10.8/24")).ok(400).has("address")).isTrue();
        assertThat(nb.send("PATCH", list + id + "/", Map.of("vrf", vrfSpace)).ok(400).has("vrf")).isTrue();
        assertThat(nb.get(list + id + "/").ok(200).get("description").asText()).isEqualTo("primary");

        JsonNode options = nb.send("OPTIONS", list, null).ok(200);
        assertThat(options.at("/actions/POST/status/choices/0/value").asText()).isEqualTo("active");
        assertThat(options.at("/actions/POST/status/choices/0/display_name").asText()).isEqualTo("Active");

        assertThat(nb.send("DELETE", list + id + "/", null).status()).isEqualTo(204);
        assertThat(nb.get(list + id + "/").status()).isEqualTo(404);
        assertThat(nb.get(list + "?address=198.18.10.7").ok(200).get("count").asInt()).isZero();

        JsonNode rest = nb.get(list + "?limit=0").ok(200);
        assertThat(rest.get("count").asInt()).isEqualTo(2);
        List<Map<String, Object>> ids = new ArrayList<>();
        rest.get("results").forEach(a -> ids.add(Map.of("id", a.get("id").asLong())));
        // one unknown id: nothing is deleted
        List<Map<String, Object>> withUnknown = new ArrayList<>(ids);
        withUnknown.add(Map.of("id", 987654));
        assertThat(nb.send("DELETE", list, withUnknown).status()).isEqualTo(404);
        assertThat(nb.get(list).ok(200).get("count").asInt()).isEqualTo(2);
        assertThat(nb.send("DELETE", list, ids).status()).isEqualTo(204);
        assertThat(nb.get(list).ok(200).get("count").asInt()).isZero();
    }

    @Test
    void ipRangesAndVrfs() {
        JsonNode ranges = nb.get("/api/ipam/ip-ranges/").ok(200);
        assertThat(ranges.get("count").asInt()).isEqualTo(1);
        JsonNode r = ranges.get("results").get(0);
        assertThat(r.get("start_address").asText()).isEqualTo("198.18.10.100/24");
        assertThat(r.get("end_address").asText()).isEqualTo("198.18.10.109/24");
        assertThat(r.get("size").asInt()).isEqualTo(10);
        assertThat(r.get("status").get("value").asText()).isEqualTo("active");
        assertThat(nb.get("/api/ipam/ip-ranges/" + range + "/").ok(200).get("id").asLong()).isEqualTo(range);
        JsonNode made = nb.post("/api/ipam/ip-ranges/" + range + "/available-ips/", Map.of()).ok(201);
        assertThat(made.get("address").asText()).isEqualTo("198.18.10.100/24");
        JsonNode vrfs = nb.get("/api/ipam/vrfs/?name=lab").ok(200);
        assertThat(vrfs.get("count").asInt()).isEqualTo(1);
        assertThat(vrfs.get("results").get(0).get("id").asLong()).isEqualTo(vrfSpace);
    }
}
