package io.ipkeeper.agent.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.agent.HostAgent;
import io.ipkeeper.agent.HostAgentOptions;
import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpWatchConfig;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.server.gossip.GossipOptions;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import io.ipkeeper.testkit.peers.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent without {@code --server}, against a real server on loopback that gossips: it finds the server through
 * its {@code role=server} tag and reports only when it trusts the announced URL; the server sees it alive through
 * membership, and dead once it leaves.
 */
class AgentGossipTest {
    private static final String ADMIN = "ipk_agent-gossip-admin-token-0123456789abcdefghij";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestDatabase db;
    private static IpkeeperServer server;
    private static int serverGossipPort;

    @BeforeAll
    static void startServer() throws Exception {
        db = TestDatabase.create(DatabaseKind.H2, "agentgossip");
        serverGossipPort = FreePorts.allocate();
        server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 4)
                .withBootstrapToken(ADMIN).withGossip(new GossipOptions("server-1",
                        new InetSocketAddress("127.0.0.1", serverGossipPort), List.of(), List.of(), null, "local")));
        send("POST", "/api/v1/spaces", Map.of("name", "lab"));
        send("POST", "/api/v1/subnets", Map.of("space", "lab", "prefix", "198.18.0.0/24"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }

    @Test
    void anAgentFindsAnAllowedServerThroughGossipReportsAndIsAliveUntilItLeaves() throws Exception {
        String name = "host-g1";
        HostAgent agent = start(name, List.of(URI.create(server.url())));
        try {
            await("the agent reported through the server gossip named", () -> agentView(name) != null);
            await("alive", () -> agentView(name).get("alive").asBoolean());
            assertThat(agent.gossip().orElseThrow().server()).contains(URI.create(server.url()));
        } finally {
            agent.close(); // leaves gossip gracefully
        }
        await("dead after leaving gossip", () -> !agentView(name).get("alive").asBoolean());
    }

    @Test
    void anAgentDoesNotSendItsTokenToAnUntrustedServer() throws Exception {
        String name = "host-g2";
        try (HostAgent agent = start(name, List.of())) {
            // It does see the server in gossip, but a plain http URL that is not allowed gets nothing.
            await("the server is a member", () -> agent.gossip().orElseThrow().members().stream()
                    .anyMatch(m -> "server".equals(m.tags().get("role"))));
            await("a failed report", () -> agent.reportStats().reportsFailed() > 0);
            assertThat(agent.reportStats().lastError()).contains("no trusted server");
            assertThat(agent.reportStats().reportsSent()).isZero();
            assertThat(agentView(name)).isNull();
        }
    }

    private static HostAgent start(String name, List<URI> allow) throws Exception {
        String token = send("POST", "/api/v1/tokens", Map.of("name", name, "role", "agent")).get("token").asText();
        AgentGossipOptions g = new AgentGossipOptions(name, new InetSocketAddress("127.0.0.1", FreePorts.allocate()),
                List.of(new InetSocketAddress("127.0.0.1", serverGossipPort)), List.of(), "local", allow);
        HostAgentOptions o = new HostAgentOptions(List.of("eth0"), null, token, Optional.empty(), "lab",
                Duration.ofSeconds(1), null, ArpWatchConfig.defaults(), name, g);
        assertThat(o.problems()).isEmpty();
        AgentGossip gossip = AgentGossip.start(g, new ServerTrustRule(false, allow));
        HostInventory host = inventory();
        return HostAgent.start(o, "test", () -> host, new DiscoveringReportSender(gossip::server, token, o.trust()),
                false, gossip);
    }

    private static HostInventory inventory() throws Exception {
        HostInterface eth0 = new HostInterface("eth0", 2, Optional.of(MacAddress.parse("02:00:5e:10:00:1a")), true,
                1500, InterfaceKind.PHYSICAL, List.of(new InterfaceAddress(InetAddress.getByName("198.18.0.30"), 24)));
        return new HostInventory(Instant.now(), List.of(eth0));
    }

    private static JsonNode send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static JsonNode agentView(String name) {
        try {
            return send("GET", "/api/v1/agents/" + name, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
