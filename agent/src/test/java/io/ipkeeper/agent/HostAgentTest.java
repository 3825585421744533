package io.ipkeeper.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.agent.arp.ArpWatchConfig;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import io.ipkeeper.agent.report.HttpReportSender;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent end to end against a real server on loopback (inventory-only: ARP needs a network namespace, see the
 * netns tests): it registers, its host shows up with its interfaces, inventory changes arrive, and /healthz and
 * /metrics tell the truth, including when its token is refused.
 */
class HostAgentTest {
    private static final String ADMIN = "ipk_agent-test-admin-token-0123456789abcdefghij";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestDatabase db;
    private static IpkeeperServer server;

    @BeforeAll
    static void startServer() throws Exception {
        db = TestDatabase.create(DatabaseKind.H2, "agent");
        server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 4)
                .withBootstrapToken(ADMIN));
        send("POST", "/api/v1/spaces", ADMIN, Map.of("name", "lab"));
        send("POST", "/api/v1/subnets", ADMIN, Map.of("space", "lab", "prefix", "198.18.0.0/24"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }

    private static JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static String agentToken(String name) throws Exception {
        return send("POST", "/api/v1/tokens", ADMIN, Map.of("name", name, "role", "agent")).get("token").asText();
    }

    private static HostInventory inventory(String... cidrs) throws IOException {
        List<InterfaceAddress> addresses = new java.util.ArrayList<>();
        for (String c : cidrs) {
            String[] p = c.split("/");
            addresses.add(new InterfaceAddress(InetAddress.getByName(p[0]), Integer.parseInt(p[1])));
        }
        HostInterface eth0 = new HostInterface("eth0", 2, Optional.of(MacAddress.parse("02:00:5e:10:00:0a")), true, 1500,
                InterfaceKind.PHYSICAL, addresses);
        return new HostInventory(Instant.now(), List.of(eth0));
    }

    private static HostAgentOptions options(String token, InetSocketAddress listen) {
        return new HostAgentOptions(List.of("eth0"), URI.create(server.url()), token, Optional.empty(), "lab",
                Duration.ofSeconds(1), listen, ArpWatchConfig.defaults(), "host-a.lab");
    }

    private static HostAgent start(HostAgentOptions o, AtomicReference<HostInventory> host) {
        return HostAgent.start(o, "test", host::get, new HttpReportSender(o.server(), o.token(), o.trust()), false);
    }

    private static HttpResponse<String> status(HostAgent agent, String path) throws Exception {
        InetSocketAddress a = agent.statusAddress().orElseThrow();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
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

    private static JsonNode agentView(String name) {
        try {
            return send("GET", "/api/v1/agents/" + name, ADMIN, null);
        } catch (AssertionError e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAgentRegistersReportsChangesAndIsHealthy() throws Exception {
        AtomicReference<HostInventory> host = new AtomicReference<>(inventory("198.18.0.10/24"));
        try (HostAgent agent = start(options(agentToken("host-a"), new InetSocketAddress("127.0.0.1", 0)), host)) {
            assertThat(agent.mode()).startsWith("inventory only");
            await("the agent on the server", () -> agentView("host-a") != null);
            JsonNode a = agentView("host-a");
            assertThat(a.get("hostname").asText()).isEqualTo("host-a.lab");
            assertThat(a.get("alive").asBoolean()).isTrue();
            assertThat(a.get("arpWatch").asBoolean()).isFalse();
            assertThat(a.get("coveredSubnets")).as("inventory-only covers nothing").isEmpty();
            assertThat(a.get("interfaces").get(0).get("addresses").get(0).asText()).isEqualTo("198.18.0.10/24");

            host.set(inventory("198.18.0.10/24", "198.18.0.11/24"));
            await("the new address on the server", () -> agentView("host-a").get("interfaces").get(0).get("addresses").size() == 2);
            JsonNode own = send("GET", "/api/v1/observations?address=198.18.0.11", ADMIN, null);
            assertThat(own.get("results").get(0).get("source").asText()).isEqualTo("inventory");

            HttpResponse<String> health = status(agent, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("ok");
            HttpResponse<String> metrics = status(agent, "/metrics");
            assertThat(metrics.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.body()).contains("ipkeeper_agent_arp_watch 0").containsPattern("ipkeeper_agent_reports_sent_total [1-9]");
            assertThat(status(agent, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aRefusedTokenMakesTheAgentUnhealthyWithTheServersReason() throws Exception {
        AtomicReference<HostInventory> host = new AtomicReference<>(inventory("198.18.0.12/24"));
        try (HostAgent agent = start(options("ipk_revoked-or-never-issued-token-0123456789abcdef",
                new InetSocketAddress("127.0.0.1", 0)), host)) {
            await("a refusal", () -> agent.reportStats().reportsRejected() > 0);
            await("unhealthy", () -> {
                try {
                    return status(agent, "/healthz").statusCode() == 503;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(status(agent, "/healthz").body()).contains("401");
        }
    }

    @Test
    void badOptionsAndAMissingInterfaceAreClearErrors() {
        HostAgentOptions none = new HostAgentOptions(List.of(), null, " ", Optional.empty(), null, Duration.ZERO, null,
                ArpWatchConfig.defaults(), "h");
        assertThat(none.problems()).hasSize(4).anySatisfy(p -> assertThat(p).contains("--interface"))
                .anySatisfy(p -> assertThat(p).contains("--server")).anySatisfy(p -> assertThat(p).contains("--token"))
                .anySatisfy(p -> assertThat(p).contains("--report-interval"));
        assertThatThrownBy(() -> HostAgent.start(none, "test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--interface");

        HostAgentOptions wrongInterface = new HostAgentOptions(List.of("eth9"), URI.create(server.url()), "t",
                Optional.empty(), null, Duration.ofSeconds(5), null, ArpWatchConfig.defaults(), "h");
        AtomicReference<HostInventory> host = new AtomicReference<>();
        assertThatThrownBy(() -> {
            host.set(inventory("198.18.0.13/24"));
            HostAgent.start(wrongInterface, "test", host::get, r -> { }, false);
        }).hasMessageContaining("no interface eth9").hasMessageContaining("it has: eth0");
    }
}
