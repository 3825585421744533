package io.ipkeeper.server.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.agents.AgentCoverage;
import io.ipkeeper.server.agents.AgentStore;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.server.api.Eventually;
import io.ipkeeper.server.api.WebhookReceiver;
import io.ipkeeper.server.webhooks.WebhookOptions;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conflict engine end to end over real HTTP: agent reports in, conflicts out through the API, webhooks, metrics
 * and the audit log; opened once however often (and by however many engines) it is derived; resolved when the
 * records agree or the evidence ages out; stale allocations in covered subnets.
 */
@DatabaseTest
class ConflictEngineTest {
    private static final String MAC_A = "02:00:5e:10:00:0a";
    private static final String MAC_B = "02:00:5e:10:00:0b";
    private static final String MAC_C = "02:00:5e:10:00:0c";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Short enough that evidence ages out within a test, long enough that one report's evidence is still fresh. */
    private static final ConflictOptions FAST = new ConflictOptions(Duration.ofSeconds(4), Duration.ofSeconds(3),
            Duration.ofMinutes(1), Duration.ofMillis(200));

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private String space;

    ConflictEngineTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 8, o -> o.withConflicts(FAST)
                .withWebhooks(WebhookOptions.defaults().withPollInterval(Duration.ofMillis(100))));
        admin = Api.admin(server);
        space = "lab-" + Long.toString(System.nanoTime(), 36);
        admin.post("/api/v1/spaces", Map.of("name", space)).ok(201);
        admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.0.0/24")).ok(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Api agent(String name) {
        return admin.withRole(name + "-" + space, "agent");
    }

    /** A report from a host at {@code own} (ARP watch on) that heard {@code heard} (address → MAC). */
    private void report(Api agent, String ownMac, String own, Map<String, String> heard) {
        List<Map<String, Object>> observations = new ArrayList<>();
        heard.forEach((address, mac) -> observations.add(Map.of("address", address, "mac", mac, "interfaceName", "eth0",
                "kind", "gratuitous_request")));
        agent.post("/api/v1/agents/report", Map.of("space", space, "arpWatch", true, "reportIntervalSeconds", 60,
                "interfaces", List.of(Map.of("name", "eth0", "mac", ownMac, "addresses", List.of(own + "/24"))),
                "observations", observations)).ok(200);
    }

    private JsonNode conflicts(String query) {
        return admin.get("/api/v1/conflicts?space=" + space + "&limit=1000" + query).ok(200);
    }

    private JsonNode open(String kind, String address) {
        for (JsonNode c : conflicts("&kind=" + kind).get("results")) {
            if (c.get("address").asText().equals(address) && !c.get("state").asText().equals("resolved")) {
                return c;
            }
        }
        return null;
    }

    @Test
    void twoHostsClaimingOneAddressOpenOneDuplicateWithWebhookMetricAndAudit() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            hooks.subscribe(admin, "conflict-test-secret-0123", "conflict.opened", "conflict.resolved");
            Api a = agent("host-a");
            Api b = agent("host-b");
            // the incident: host A legitimately at .10, host B announcing .10 as well, once
            report(a, MAC_A, "198.18.0.10", Map.of());
            report(b, MAC_B, "198.18.0.11", Map.of("198.18.0.10", MAC_B));

            JsonNode dup = open("duplicate", "198.18.0.10");
            assertThat(dup).as("derived at report time, not at the next sweep").isNotNull();
            assertThat(dup.get("macs")).hasSize(2);
            assertThat(dup.get("macs").get(0).asText()).isEqualTo(MAC_A);
            assertThat(dup.get("macs").get(1).asText()).isEqualTo(MAC_B);
            assertThat(open("unallocated_in_use", "198.18.0.10")).as(".10 was never allocated").isNotNull();

            // reported again and again, and swept meanwhile: still one conflict
            for (int i = 0; i < 3; i++) {
                report(b, MAC_B, "198.18.0.11", Map.of("198.18.0.10", MAC_B));
            }
            Thread.sleep(500);
            assertThat(conflicts("&kind=duplicate&state=open").get("count").asInt()).isEqualTo(1);

            Eventually.until(WAIT, "conflict.opened delivered", () -> hooks.ofType("conflict.opened").size() >= 2);
            assertThat(hooks.ofType("conflict.opened")).anySatisfy(r -> assertThat(r.body()).contains("\"duplicate\"")
                    .contains(MAC_B).contains("198.18.0.10"));
            assertThat(admin.get("/metrics").text()).contains("ipkeeper_conflicts_open{kind=\"duplicate\"} 1.0");
            assertThat(admin.get("/api/v1/audit?action=conflict.open").ok(200).get("count").asInt()).isGreaterThanOrEqualTo(2);

            // the evidence ages out of the window: resolved, and subscribers hear of it
            Eventually.until(WAIT, "resolution after the window", () -> open("duplicate", "198.18.0.10") == null);
            Eventually.until(WAIT, "conflict.resolved delivered", () -> !hooks.ofType("conflict.resolved").isEmpty());
            assertThat(conflicts("&kind=duplicate&state=resolved").get("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void allocatingTheAddressResolvesUnallocatedAndAnotherMacThenMismatches() {
        Api a = agent("host-a");
        report(a, MAC_A, "198.18.0.10", Map.of("198.18.0.30", MAC_C));
        assertThat(open("unallocated_in_use", "198.18.0.30")).isNotNull();

        long subnet = admin.get("/api/v1/subnets?space=" + space).ok(200).get("results").get(0).get("id").asLong();
        admin.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("address", "198.18.0.30", "mac", MAC_B,
                "hostname", "db-1")).ok(201);
        // the host keeps announcing itself (evidence stays inside the 4 s window): the records now say "allocated"
        Eventually.until(WAIT, "unallocated resolved and the mismatch opened", () -> {
            report(a, MAC_A, "198.18.0.10", Map.of("198.18.0.30", MAC_C));
            return open("unallocated_in_use", "198.18.0.30") == null && open("mac_mismatch", "198.18.0.30") != null;
        });
        JsonNode mismatch = open("mac_mismatch", "198.18.0.30");
        assertThat(mismatch).as("allocated to %s, seen with %s", MAC_B, MAC_C).isNotNull();
        assertThat(mismatch.get("macs").get(0).asText()).isEqualTo(MAC_C);
    }

    @Test
    void anAllocationNobodyUsesInACoveredSubnetGoesStaleUntilSeen() throws Exception {
        Api a = agent("host-a");
        long subnet = admin.get("/api/v1/subnets?space=" + space).ok(200).get("results").get(0).get("id").asLong();
        admin.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("address", "198.18.0.40", "hostname", "gone"))
                .ok(201);
        report(a, MAC_A, "198.18.0.10", Map.of());
        // both the allocation and the agent's coverage must be older than stale-after (3 s): keep the agent reporting
        Eventually.until(WAIT, "stale", () -> {
            report(a, MAC_A, "198.18.0.10", Map.of());
            return open("stale", "198.18.0.40") != null;
        });
        assertThat(open("stale", "198.18.0.10")).as("the agent's own address is seen").isNull();
        report(a, MAC_A, "198.18.0.10", Map.of("198.18.0.40", MAC_C));
        assertThat(open("stale", "198.18.0.40")).as("seen again: resolved at once").isNull();
    }

    @Test
    void enginesRacingOnTheSameEvidenceOpenOneConflict() throws Exception {
        Api a = agent("host-a");
        report(a, MAC_A, "198.18.0.10", Map.of("198.18.0.50", MAC_B));
        JsonNode first = open("unallocated_in_use", "198.18.0.50");
        assertThat(first).isNotNull();
        // resolve it by hand, then let eight engines (as on eight servers) re-derive it at the same moment
        Api.execute(db, "UPDATE conflict SET state = 'resolved', active_key = NULL WHERE id = " + first.get("id").asLong());
        Database database = server.database();
        Ipam ipam = Ipam.create(database, IpamConfig.defaults(), Clock.systemUTC(), null);
        AgentStore agents = new AgentStore(database);
        long spaceId = first.get("space").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ConflictEngine engine = new ConflictEngine(database, ipam, new ConflictStore(database.jdbi(), Clock.systemUTC()),
                        new AgentCoverage(agents, ipam), FAST, Clock.systemUTC());
                runs.add(pool.submit(() -> {
                    go.await();
                    engine.evaluate(spaceId, List.of(IpAddress.parse("198.18.0.50")));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> r : runs) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> states = new ArrayList<>();
        for (JsonNode c : conflicts("&kind=unallocated_in_use").get("results")) {
            if (c.get("address").asText().equals("198.18.0.50")) {
                states.add(c.get("state").asText());
            }
        }
        assertThat(states).as("the hand-resolved one and exactly one new one").containsExactlyInAnyOrder("resolved", "open");
    }
}
