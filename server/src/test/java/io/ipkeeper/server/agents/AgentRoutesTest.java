package io.ipkeeper.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent reports over real HTTP: inventory, coalesced observations, coverage, liveness, and bad reports refused. */
@DatabaseTest
class AgentRoutesTest {
    private static final String MAC_A = "02:00:5e:10:00:0a";
    private static final String MAC_B = "02:00:5e:10:00:0b";

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private Api agentA;
    /** The class shares one database; each test has its own space and agent names. */
    private String space;
    private String agentName;

    AgentRoutesTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 4);
        admin = Api.admin(server);
        String tag = Long.toString(System.nanoTime(), 36);
        space = "lab-" + tag;
        agentName = "host-a-" + tag;
        admin.post("/api/v1/spaces", Map.of("name", space)).ok(201);
        admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.0.0/24")).ok(201);
        agentA = admin.withRole(agentName, "agent");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> report(List<Map<String, Object>> observations) {
        return Map.of("hostname", "host-a.lab", "version", "test", "space", space, "arpWatch", true,
                "reportIntervalSeconds", 10,
                "interfaces", List.of(Map.of("name", "eth0", "mac", MAC_A, "addresses", List.of("198.18.0.10/24")),
                        Map.of("name", "lo", "addresses", List.of("127.0.0.1/8"))),
                "observations", observations);
    }

    private static Map<String, Object> sighting(String address, String mac, long count, long firstAgo, long lastAgo) {
        return Map.of("address", address, "mac", mac, "interfaceName", "eth0", "kind", "gratuitous_request",
                "count", count, "firstSeenAgoMillis", firstAgo, "lastSeenAgoMillis", lastAgo);
    }

    @Test
    void anAgentReportsItsHostAndWhatItHeard() {
        Instant before = Instant.now();
        JsonNode receipt = agentA.post("/api/v1/agents/report",
                report(List.of(sighting("198.18.0.20", MAC_B, 3, 4000, 1000)))).ok(200);
        assertThat(receipt.get("agent").asText()).isEqualTo(agentName);
        assertThat(receipt.get("recorded").asInt()).as("own address + one sighting").isEqualTo(2);

        JsonNode agents = admin.get("/api/v1/agents?limit=1000").ok(200);
        assertThat(agents.get("results").findValuesAsText("name")).contains(agentName);
        JsonNode a = admin.get("/api/v1/agents/" + agentName).ok(200);
        assertThat(a.get("name").asText()).isEqualTo(agentName);
        assertThat(a.get("hostname").asText()).isEqualTo("host-a.lab");
        assertThat(a.get("alive").asBoolean()).isTrue();
        assertThat(a.get("space").get("name").asText()).isEqualTo(space);
        assertThat(a.get("coveredSubnets").get(0).get("prefix").asText()).isEqualTo("198.18.0.0/24");
        assertThat(a.get("interfaces")).hasSize(2);

        JsonNode heard = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.20").ok(200).get("results");
        assertThat(heard).hasSize(1);
        JsonNode o = heard.get(0);
        assertThat(o.get("mac").asText()).isEqualTo(MAC_B);
        assertThat(o.get("source").asText()).isEqualTo("arp");
        assertThat(o.get("count").asLong()).isEqualTo(3);
        Instant first = Instant.parse(o.get("firstSeen").asText());
        Instant last = Instant.parse(o.get("lastSeen").asText());
        assertThat(first).as("server-stamped: now minus the reported age").isBefore(last)
                .isAfterOrEqualTo(before.minusMillis(4000));
        assertThat(last).isBeforeOrEqualTo(Instant.now().minusMillis(1000));

        JsonNode own = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.10&mac=02-00-5E-10-00-0A").ok(200);
        assertThat(own.get("results").get(0).get("source").asText()).isEqualTo("inventory");
    }

    @Test
    void onlyWatchedInterfacesOfAnArpWatchingAgentCoverSubnets() {
        admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.1.0/24")).ok(201);
        Map<String, Object> twoInterfaces = Map.of("space", space, "arpWatch", true, "interfaces", List.of(
                Map.of("name", "eth0", "mac", MAC_A, "addresses", List.of("198.18.0.10/24")),
                Map.of("name", "eth1", "mac", MAC_B, "addresses", List.of("198.18.1.10/24"), "watched", false)));
        agentA.post("/api/v1/agents/report", twoInterfaces).ok(200);
        JsonNode covered = admin.get("/api/v1/agents/" + agentName).ok(200).get("coveredSubnets");
        assertThat(covered.findValuesAsText("prefix")).containsExactly("198.18.0.0/24");

        Map<String, Object> inventoryOnly = new java.util.HashMap<>(twoInterfaces);
        inventoryOnly.put("arpWatch", false);
        agentA.post("/api/v1/agents/report", inventoryOnly).ok(200);
        assertThat(admin.get("/api/v1/agents/" + agentName).ok(200).get("coveredSubnets")).isEmpty();
    }

    @Test
    void repeatedSightingsCoalesceToOneRowPerAddressAndMac() {
        agentA.post("/api/v1/agents/report", report(List.of(sighting("198.18.0.20", MAC_B, 2, 0, 0)))).ok(200);
        JsonNode firstRow = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.20").ok(200).get("results").get(0);
        agentA.post("/api/v1/agents/report", report(List.of(sighting("198.18.0.20", MAC_B, 5, 0, 0),
                sighting("198.18.0.20", MAC_A, 1, 0, 0)))).ok(200);

        JsonNode rows = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.20").ok(200);
        assertThat(rows.get("count").asInt()).as("one row per MAC").isEqualTo(2);
        JsonNode b = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.20&mac=" + MAC_B).ok(200).get("results").get(0);
        assertThat(b.get("count").asLong()).isEqualTo(7);
        assertThat(b.get("firstSeen").asText()).isEqualTo(firstRow.get("firstSeen").asText());
        assertThat(Instant.parse(b.get("lastSeen").asText())).isAfterOrEqualTo(Instant.parse(firstRow.get("lastSeen").asText()));
    }

    @Test
    void probesAreAcceptedButAreNotEvidenceOfUse() {
        Map<String, Object> probe = Map.of("address", "198.18.0.30", "mac", MAC_B, "interfaceName", "eth0", "kind", "probe");
        assertThat(agentA.post("/api/v1/agents/report", report(List.of(probe))).ok(200).get("recorded").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.30").ok(200).get("count").asInt()).isZero();
    }

    @Test
    void badReportsAreRefusedWholeAndRecordNothing() {
        agentA.post("/api/v1/agents/report", report(List.of())).ok(200);
        long observations = Api.count(db, "observation");
        List<Map<String, Object>> bad = List.of(
                report(List.of(sighting("198.18.0.20", "not-a-mac", 1, 0, 0))),
                report(List.of(sighting("198.18.0.20", "ff:ff:ff:ff:ff:ff", 1, 0, 0))),
                report(List.of(sighting("198.18.0.999", MAC_B, 1, 0, 0))),
                report(List.of(sighting("198.18.0.20", MAC_B, 0, 0, 0))),
                report(List.of(sighting("198.18.0.20", MAC_B, 1, 0, 5))),
                report(List.of(sighting("198.18.0.20", MAC_B, 1, 90_000_000L, 0))),
                report(List.of(sighting("198.18.0.21", MAC_B, 1, 0, 0), Map.of("address", "198.18.0.22", "mac", MAC_B,
                        "interfaceName", "eth0", "kind", "shout"))),
                Map.of("interfaces", List.of(Map.of("name", "eth0", "mac", MAC_A, "addresses", List.of("198.18.0.10")))),
                Map.of("space", "nowhere", "interfaces", List.of()),
                Map.of("space", space));
        for (Map<String, Object> body : bad) {
            JsonNode p = agentA.post("/api/v1/agents/report", body).problem(422);
            assertThat(p.get("detail").asText()).isNotBlank();
        }
        assertThat(agentA.post("/api/v1/agents/report", "{\"interfaces\": [], \"colour\": 1}").status()).isEqualTo(400);
        List<Map<String, Object>> many = new ArrayList<>(Collections.nCopies(5001, sighting("198.18.0.20", MAC_B, 1, 0, 0)));
        assertThat(agentA.post("/api/v1/agents/report", report(many)).problem(422).get("detail").asText())
                .contains("5000");
        assertThat(Api.count(db, "observation")).isEqualTo(observations);
        assertThat(admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.21").ok(200).get("count").asInt()).isZero();
    }

    @Test
    void onlyAgentsReportAndAnAdminMustNameTheAgent() {
        Api engineer = admin.withRole("eve", "engineer");
        assertThat(engineer.post("/api/v1/agents/report", report(List.of())).problem(403).get("detail").asText())
                .contains("agent");
        assertThat(agentA.get("/api/v1/spaces").status()).as("an agent reads nothing").isEqualTo(403);
        assertThat(admin.post("/api/v1/agents/report", report(List.of())).problem(422).get("detail").asText())
                .contains("?agent=");
        admin.post("/api/v1/agents/report?agent=imported-" + space, report(List.of())).ok(200);
        assertThat(admin.get("/api/v1/agents/imported-" + space).ok(200).get("name").asText()).isEqualTo("imported-" + space);
        admin.get("/api/v1/agents/nobody").problem(404);
    }

    @Test
    void withSeveralSpacesTheReportMustNameOne() {
        admin.post("/api/v1/spaces", Map.of("name", "other-" + space)).ok(201);
        Map<String, Object> noSpace = Map.of("interfaces", List.of());
        assertThat(agentA.post("/api/v1/agents/report", noSpace).problem(422).get("detail").asText()).contains("--space");
    }

    @Test
    void concurrentReportsOfTheSameNewSightingMakeOneRow() throws Exception {
        int agents = 8;
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            clients.add(admin.withRole(agentName + "-" + i, "agent"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Api c : clients) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return c.post("/api/v1/agents/report", Map.of("space", space, "interfaces", List.of(),
                            "observations", List.of(sighting("198.18.0.40", MAC_B, 1, 0, 0)))).status();
                }));
            }
            go.countDown();
            for (Future<Integer> s : statuses) {
                assertThat(s.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode rows = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.40").ok(200);
        assertThat(rows.get("count").asInt()).isEqualTo(1);
        assertThat(rows.get("results").get(0).get("count").asLong()).isEqualTo(agents);
    }
}
