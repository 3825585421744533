package io.ipkeeper.server.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The seed-001 proof over real HTTP, on H2 and PostgreSQL: one subnet, a block delegated to each of two directors,
 * engineers allocating around them. Both rendered cloud-configs, read back with a real YAML parser, leave each
 * director a set of assignable addresses that is disjoint from the other's and from every live allocation of anyone
 * else; and importing a director's {@code bosh instances} output records its addresses and reports conflicts.
 */
@DatabaseTest
class BoshRoutesTest {
    private static final String TOKEN = "ipk_bosh-test-bootstrap-admin-token-0123456789abcd";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Prefix PREFIX = Prefix.parse("198.18.7.0/24");

    private final TestDatabase db;
    private final HttpClient http = HttpClient.newHttpClient();
    private IpkeeperServer server;
    private long subnet;
    /** The database lives for the whole class: each test works in its own space. */
    private final String space = "lab-" + System.nanoTime();

    BoshRoutesTest(TestDatabase db) {
        this.db = db;
    }

    record Res(int status, String body, String contentType) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private Res send(String method, String path, Object body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + TOKEN);
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    private JsonNode ok(int status, Res r) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private void range(String start, String end, String purpose, String owner) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("start", start, "end", end, "purpose", purpose));
        if (owner != null) {
            body.put("owner", owner);
        }
        ok(201, send("POST", "/api/v1/subnets/" + subnet + "/ranges", body, null));
    }

    private JsonNode allocate(Map<String, Object> body) throws Exception {
        return ok(201, send("POST", "/api/v1/subnets/" + subnet + "/allocations", body, null));
    }

    @BeforeEach
    void layout() throws Exception {
        server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 2)
                .withBootstrapToken(TOKEN));
        ok(201, send("POST", "/api/v1/spaces", Map.of("name", space), null));
        subnet = ok(201, send("POST", "/api/v1/subnets", Map.of("space", space, "prefix", PREFIX.toString(),
                "gateway", "198.18.7.1", "dnsServers", List.of("198.18.0.53", "198.18.0.54")), null)).get("id").asLong();
        range("198.18.7.2", "198.18.7.9", "reserved", null);
        range("198.18.7.100", "198.18.7.149", "static", "bosh-a");
        range("198.18.7.150", "198.18.7.169", "dynamic", "bosh-a");
        range("198.18.7.200", "198.18.7.229", "static", "bosh-b");
        range("198.18.7.230", "198.18.7.249", "dynamic", "bosh-b");
        // engineers: the pgpool VIP of the incident, a few next-free addresses, one released (quarantined)
        allocate(Map.of("address", "198.18.7.20", "hostname", "pgpool-vip"));
        allocate(Map.of("count", 3, "hostname", "web-{n}", "owner", "team-web"));
        long gone = allocate(Map.of("address", "198.18.7.40")).get(0).get("id").asLong();
        assertThat(send("DELETE", "/api/v1/allocations/" + gone, null, null).status()).isEqualTo(200);
        // one address of bosh-a's block recorded for it
        allocate(Map.of("address", "198.18.7.110", "owner", "bosh-a", "hostname", "pgpool/0"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> render(String owner) throws Exception {
        Res r = send("GET", "/api/v1/subnets/" + subnet + "/bosh?owner=" + owner, null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/yaml");
        Map<String, Object> parsed = new Yaml().load(r.body());
        Res asJson = send("GET", "/api/v1/subnets/" + subnet + "/bosh?owner=" + owner, null, "application/json");
        assertThat(JSON.readValue(asJson.body(), Map.class)).as("the JSON form says the same").isEqualTo(parsed);
        return parsed;
    }

    private static Set<IpAddress> addresses(List<String> bosh) {
        Set<IpAddress> out = new HashSet<>();
        for (String entry : bosh) {
            assertThat(entry).as("BOSH before v282.1.7 ignores CIDR-form reserved").doesNotContain("/");
            String[] ends = entry.split(" - ");
            AddressRange r = new AddressRange(IpAddress.parse(ends[0]), IpAddress.parse(ends[ends.length - 1]));
            for (IpAddress a = r.start(); !a.isAfter(r.end()); a = a.next()) {
                out.add(a);
            }
        }
        return out;
    }

    /** What BOSH may assign: range minus reserved, network, broadcast and gateway (ip_repo.rb's restricted IPs). */
    @SuppressWarnings("unchecked")
    private static Set<IpAddress> assignable(Map<String, Object> entry) {
        Prefix p = Prefix.parse((String) entry.get("range"));
        Set<IpAddress> reserved = addresses((List<String>) entry.get("reserved"));
        Set<IpAddress> out = new HashSet<>();
        for (IpAddress a = p.first().next(); a.isBefore(p.last()); a = a.next()) {
            if (!reserved.contains(a) && !a.equals(IpAddress.parse((String) entry.get("gateway")))) {
                out.add(a);
            }
        }
        return out;
    }

    private List<JsonNode> live() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        ok(200, send("GET", "/api/v1/allocations?subnet=" + subnet + "&limit=1000", null, null)).get("results")
                .forEach(out::add);
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoDirectorsCanNeverPickTheSameAddress() throws Exception {
        Map<String, Object> a = render("bosh-a");
        Map<String, Object> b = render("bosh-b");
        assertThat(a).containsEntry("range", "198.18.7.0/24").containsEntry("gateway", "198.18.7.1")
                .containsEntry("dns", List.of("198.18.0.53", "198.18.0.54")).containsEntry("cloud_properties", Map.of());
        assertThat((List<String>) a.get("reserved")).containsExactly("198.18.7.0 - 198.18.7.99", "198.18.7.170 - 198.18.7.255");
        assertThat((List<String>) a.get("static")).containsExactly("198.18.7.100 - 198.18.7.149");
        assertThat((List<String>) b.get("static")).containsExactly("198.18.7.200 - 198.18.7.229");
        Set<IpAddress> forA = assignable(a);
        Set<IpAddress> forB = assignable(b);
        assertThat(forA).hasSize(70);
        assertThat(forB).hasSize(50);
        Set<IpAddress> both = new HashSet<>(forA);
        both.retainAll(forB);
        assertThat(both).isEmpty();
        assertThat(forA).containsAll(addresses((List<String>) a.get("static")));
        List<JsonNode> live = live();
        assertThat(live).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode x : live) {
            IpAddress addr = IpAddress.parse(x.get("address").asText());
            String owner = x.path("owner").asText(null);
            if (!"bosh-a".equals(owner)) {
                assertThat(forA).as("bosh-a may assign %s", x).doesNotContain(addr);
            }
            if (!"bosh-b".equals(owner)) {
                assertThat(forB).as("bosh-b may assign %s", x).doesNotContain(addr);
            }
        }
    }

    @Test
    void importRecordsWhatTheDirectorUsesAndReportsConflicts() throws Exception {
        String output;
        try (InputStream in = BoshRoutesTest.class.getResourceAsStream("/bosh/instances-bosh-a.json")) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode first = ok(200, send("POST", "/api/v1/subnets/" + subnet + "/bosh/import?owner=bosh-a", output, null));
        assertThat(first.get("owner").asText()).isEqualTo("bosh-a");
        assertThat(first.get("imported").findValuesAsText("address"))
                .containsExactly("198.18.7.100", "198.18.7.101", "198.18.7.150");
        assertThat(first.get("unchanged")).isEmpty();
        JsonNode conflicts = first.get("conflicts");
        assertThat(conflicts.findValuesAsText("address")).containsExactly("198.18.7.20", "198.18.7.30", "198.18.99.4");
        assertThat(conflicts.get(0).get("reason").asText()).contains("allocated to").contains("pgpool-vip");
        assertThat(conflicts.get(1).get("reason").asText()).contains("outside every block delegated to 'bosh-a'");
        assertThat(conflicts.get(2).get("reason").asText()).contains("outside subnet 198.18.7.0/24");

        JsonNode recorded = ok(200, send("GET", "/api/v1/allocations?address=198.18.7.101&space=" + space, null, null)).get("results").get(0);
        assertThat(recorded.get("owner").asText()).isEqualTo("bosh-a");
        assertThat(recorded.get("hostname").asText()).isEqualTo("pgpool/7c3d5e2f-1a9b-4c8d-b6e5-4f3a2d1c0b9e");
        assertThat(recorded.get("purpose").asText()).isEqualTo("static");

        int before = live().size();
        JsonNode again = ok(200, send("POST", "/api/v1/subnets/" + subnet + "/bosh/import?owner=bosh-a", output, null));
        assertThat(again.get("imported")).isEmpty();
        assertThat(again.get("unchanged").findValuesAsText("address"))
                .containsExactly("198.18.7.100", "198.18.7.101", "198.18.7.150");
        assertThat(again.get("conflicts")).hasSize(3);
        assertThat(live()).as("importing twice changes nothing").hasSize(before);

        JsonNode asB = ok(200, send("POST", "/api/v1/subnets/" + subnet + "/bosh/import?owner=bosh-b", output, null));
        assertThat(asB.get("imported")).isEmpty();
        assertThat(asB.get("conflicts").get(0).get("reason").asText()).contains("owner 'bosh-a'");
    }

    @Test
    void badRequestsAreClearErrorsAndChangeNothing() throws Exception {
        Res noOwner = send("GET", "/api/v1/subnets/" + subnet + "/bosh", null, null);
        assertThat(noOwner.status()).isEqualTo(422);
        assertThat(noOwner.json().get("detail").asText()).contains("'owner' is required");
        Res unknown = send("GET", "/api/v1/subnets/" + subnet + "/bosh?owner=bosh-z", null, null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("delegated to owner 'bosh-z'").contains("/ranges");
        long container = ok(201, send("POST", "/api/v1/subnets", Map.of("space", space, "prefix", "198.18.16.0/20",
                "container", true), null)).get("id").asLong();
        Res onContainer = send("GET", "/api/v1/subnets/" + container + "/bosh?owner=bosh-a", null, null);
        assertThat(onContainer.status()).isEqualTo(422);
        assertThat(onContainer.json().get("detail").asText()).contains("is a container");
        assertThat(send("GET", "/api/v1/subnets/987654/bosh?owner=bosh-a", null, null).status()).isEqualTo(404);
        int before = live().size();
        Res notBosh = send("POST", "/api/v1/subnets/" + subnet + "/bosh/import?owner=bosh-a", Map.of("rows", 1), null);
        assertThat(notBosh.status()).isEqualTo(422);
        assertThat(notBosh.json().get("detail").asText()).contains("\"Tables\"");
        assertThat(live()).hasSize(before);
    }
}
