package io.ipkeeper.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ProbeResult;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's probe loop against a real server: the agent reports (ARP watch on, so it covers its subnet), the server
 * asks it to probe each candidate, the loop picks the interface on the candidate's network and answers with what the
 * probe heard. The ARP probe itself is replaced by a runner that knows one squatter; {@code ArpNetnsTest} covers the
 * real probe on the wire.
 */
class ProbePollerTest {
    private static final String ADMIN = "ipk_probe-poller-test-admin-0123456789abcdefgh";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestDatabase db;
    private static IpkeeperServer server;

    @BeforeAll
    static void startServer() {
        db = TestDatabase.create(DatabaseKind.H2, "prober");
        server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 8)
                .withBootstrapToken(ADMIN));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }

    private static JsonNode call(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    @Test
    void theAgentProbesEachCandidateOnTheRightInterfaceAndTheSquattedAddressIsSkipped() throws Exception {
        call("POST", "/api/v1/spaces", Map.of("name", "lab"));
        long subnet = call("POST", "/api/v1/subnets", Map.of("space", "lab", "prefix", "198.18.0.0/24")).get("id").asLong();
        String token = call("POST", "/api/v1/tokens", Map.of("name", "host-p", "role", "agent")).get("token").asText();

        HostInterface eth0 = new HostInterface("eth0", 2, Optional.of(MacAddress.parse("02:00:5e:10:00:0a")), true, 1500,
                InterfaceKind.PHYSICAL, List.of(new InterfaceAddress(InetAddress.getByName("198.18.0.254"), 24)));
        HostInterface eth1 = new HostInterface("eth1", 3, Optional.of(MacAddress.parse("02:00:5e:10:00:0b")), true, 1500,
                InterfaceKind.PHYSICAL, List.of(new InterfaceAddress(InetAddress.getByName("198.18.9.254"), 24)));
        HostInventory host = new HostInventory(Instant.now(), List.of(eth0, eth1));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<String> probedOn = new CopyOnWriteArrayList<>();
        ProbeRunner squatterAtDotOne = (iface, address) -> {
            probedOn.add(iface + " " + address.getHostAddress());
            List<MacAddress> macs = address.getHostAddress().equals("198.18.0.1")
                    ? List.of(MacAddress.parse("02:00:5e:10:00:5e")) : List.of();
            return new ProbeResult(address, iface, Duration.ofMillis(1), 3, macs);
        };
        try (Reporter reporter = new Reporter(new HttpReportSender(URI.create(server.url()), token, Optional.empty()),
                ReporterConfig.defaults("host-p", "test", "lab"), Clock.systemUTC(), scheduler);
             ProbePoller poller = ProbePoller.start(URI.create(server.url()), token, Optional.empty(), List.of("eth0", "eth1"),
                     () -> host, squatterAtDotOne)) {
            reporter.start(host, true);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reporter.stats().reportsSent() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(reporter.stats().reportsSent()).as("the first report landed").isPositive();

            JsonNode a = call("POST", "/api/v1/subnets/" + subnet + "/allocations", Map.of()).get(0);
            assertThat(a.get("address").asText()).isEqualTo("198.18.0.2");
            assertThat(a.get("probe").get("agent").asText()).isEqualTo("host-p");
            assertThat(probedOn).containsExactly("eth0 198.18.0.1", "eth0 198.18.0.2");
            assertThat(poller.probed()).isEqualTo(2);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
