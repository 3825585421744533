package io.ipkeeper.server.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.serf.Serf;
import io.ipkeeper.gossip.serf.SerfMember;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.agents.ConflictBroadcast;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import io.ipkeeper.testkit.peers.FreePorts;
import io.ipkeeper.testkit.peers.SerfAgent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server in a gossip cluster on 127.0.0.1 with agents as real Serf nodes (the same class the agent runs): the
 * server's tags, liveness from membership (and coverage ending with it), and conflict broadcasts becoming conflicts.
 */
@DatabaseTest
class ServerGossipTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String MAC_A = "02:00:5e:10:00:0a";
    private static final String MAC_B = "02:00:5e:10:00:0b";

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private int gossipPort;
    private String space;
    private String agent;
    private Serf agentNode;

    ServerGossipTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() throws Exception {
        gossipPort = FreePorts.allocate();
        GossipOptions gossip = new GossipOptions("server-" + gossipPort, new InetSocketAddress("127.0.0.1", gossipPort),
                List.of(), List.of(), null, "local");
        server = Api.start(db, 4, o -> o.withGossip(gossip));
        admin = Api.admin(server);
        String tag = Long.toString(System.nanoTime(), 36);
        space = "gossip-" + tag;
        agent = "host-g-" + tag;
        admin.post("/api/v1/spaces", Map.of("name", space)).ok(201);
        admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.4.0/24")).ok(201);
        agentNode = Serf.builder(GossipConfig.local().name(agent).bindAddress("127.0.0.1").bindPort(FreePorts.allocate())
                .build()).tag("role", "agent").start();
        assertThat(agentNode.join(List.of(new InetSocketAddress("127.0.0.1", gossipPort))).succeeded()).isTrue();
    }

    @AfterEach
    void stop() {
        agentNode.close();
        server.close();
    }

    private void report() {
        admin.post("/api/v1/agents/report?agent=" + agent, Map.of("hostname", agent, "space", space, "arpWatch", true,
                "reportIntervalSeconds", 3600, "interfaces",
                List.of(Map.of("name", "eth0", "mac", MAC_A, "addresses", List.of("198.18.4.10/24"))))).ok(200);
    }

    @Test
    void theServerAnnouncesItsRoleAndApiUrl() {
        SerfMember s = await(() -> agentNode.members().stream().filter(m -> m.name().equals("server-" + gossipPort))
                .findFirst().orElse(null));
        assertThat(s.tags()).containsEntry("role", "server").containsEntry("api", server.url());
    }

    @Test
    void aFailedAgentIsDeadAndCoversNothingThoughItsLastReportIsFresh() {
        report();
        awaitTrue(() -> admin.get("/api/v1/agents/" + agent).ok(200).get("alive").asBoolean());

        agentNode.close(); // no leave: a crash, seen only by gossip's failure detector
        // A report interval of an hour: the heartbeat alone would call it alive for three more hours.
        awaitTrue(() -> !admin.get("/api/v1/agents/" + agent).ok(200).get("alive").asBoolean());
        assertThat(server.gossip().orElseThrow().alive(agent, agent)).contains(false);
    }

    @Test
    void aConflictBroadcastOpensADuplicate() {
        report(); // the server knows the agent (and its space) from one report
        String payload = "{\"agent\":\"" + agent + "\",\"address\":\"198.18.4.10\",\"macs\":[\"" + MAC_A + "\",\""
                + MAC_B + "\"],\"interface\":\"eth0\"}";
        agentNode.userEvent(ConflictBroadcast.EVENT_NAME, payload.getBytes(StandardCharsets.UTF_8), false);

        JsonNode c = await(() -> {
            JsonNode list = admin.get("/api/v1/conflicts?space=" + space + "&kind=duplicate").ok(200).get("results");
            return list.isEmpty() ? null : list.get(0);
        });
        assertThat(c.get("address").asText()).isEqualTo("198.18.4.10");
        assertThat(c.get("macs").toString()).contains(MAC_A, MAC_B);
    }

    @Test
    void aBroadcastFromAnAgentThatNeverReportedIsIgnored() {
        String payload = "{\"agent\":\"stranger\",\"address\":\"198.18.4.11\",\"macs\":[\"" + MAC_B + "\"]}";
        agentNode.userEvent(ConflictBroadcast.EVENT_NAME, payload.getBytes(StandardCharsets.UTF_8), false);
        // then a valid one from a known agent: once it is in, the stranger's (sent first) has been handled too
        report();
        String known = "{\"agent\":\"" + agent + "\",\"address\":\"198.18.4.12\",\"macs\":[\"" + MAC_B + "\"]}";
        agentNode.userEvent(ConflictBroadcast.EVENT_NAME, known.getBytes(StandardCharsets.UTF_8), false);
        awaitTrue(() -> !admin.get("/api/v1/observations?space=" + space + "&address=198.18.4.12").ok(200)
                .get("results").isEmpty());
        assertThat(admin.get("/api/v1/observations?address=198.18.4.11").ok(200).get("results")).isEmpty();
    }

    @Test
    void aRealSerfAgentSeesTheServerItsEventOpensAConflictAndItsCrashIsSeen() {
        // Debian's Serf 0.9.4 (Go) as the agent's gossip node: the wire and the event format are Serf's own.
        String goAgent = agent + "-go";
        try (SerfAgent serf = SerfAgent.builder(goAgent).tag("role", "agent").start()) {
            serf.join("127.0.0.1:" + gossipPort);
            SerfAgent.Member s = serf.awaitMember("server-" + gossipPort, SerfAgent.Member::alive, GENEROUS);
            assertThat(s.tags()).containsEntry("role", "server").containsEntry("api", server.url());

            admin.post("/api/v1/agents/report?agent=" + goAgent, Map.of("hostname", goAgent, "space", space,
                    "arpWatch", true, "reportIntervalSeconds", 3600, "interfaces",
                    List.of(Map.of("name", "eth0", "mac", MAC_B, "addresses", List.of("198.18.4.20/24"))))).ok(200);
            awaitTrue(() -> admin.get("/api/v1/agents/" + goAgent).ok(200).get("alive").asBoolean());

            serf.event(ConflictBroadcast.EVENT_NAME, "{\"agent\":\"" + goAgent + "\",\"address\":\"198.18.4.20\","
                    + "\"macs\":[\"" + MAC_A + "\"],\"interface\":\"eth0\"}");
            JsonNode c = await(() -> {
                JsonNode list = admin.get("/api/v1/conflicts?space=" + space + "&kind=duplicate").ok(200).get("results");
                return list.isEmpty() ? null : list.get(0);
            });
            assertThat(c.get("address").asText()).isEqualTo("198.18.4.20");
            assertThat(c.get("macs").toString()).contains(MAC_A, MAC_B);

            serf.kill();
            awaitTrue(() -> !admin.get("/api/v1/agents/" + goAgent).ok(200).get("alive").asBoolean());
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        await(() -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static <T> T await(java.util.function.Supplier<T> probe) {
        return io.ipkeeper.testkit.Await.until("the condition", GENEROUS, Duration.ofMillis(100), probe);
    }
}
