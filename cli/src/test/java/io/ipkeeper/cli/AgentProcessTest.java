package io.ipkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipkeeper agent} as a real process against a real server on loopback: it reports the host (watching ARP on
 * {@code lo} when it has CAP_NET_RAW, inventory-only otherwise), serves /healthz, and stops cleanly on SIGTERM; bad
 * settings are refused with every problem named.
 */
class AgentProcessTest {
    private static final String ADMIN = "ipk_agent-process-test-admin-0123456789abcdefgh";
    private static final Pattern STATUS = Pattern.compile("/healthz and /metrics on (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestDatabase db;
    private static IpkeeperServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        db = TestDatabase.create(DatabaseKind.H2, "agentcli");
        server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 4)
                .withBootstrapToken(ADMIN));
        call("POST", "/api/v1/spaces", Map.of("name", "lab"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }

    private static JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() / 100 == 2 ? JSON.readTree(r.body()) : null;
    }

    private Process start(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.ipkeeper.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void theAgentReportsItsHostServesHealthAndStopsOnSigterm() throws Exception {
        String token = call("POST", "/api/v1/tokens", Map.of("name", "agent-proc", "role", "agent")).get("token").asText();
        Process p = start(Map.of("IPKEEPER_TOKEN", token, "IPKEEPER_SERVER", server.url()),
                "agent", "--interface", "lo", "--space", "lab", "--listen", "127.0.0.1:0", "--report-interval", "1s");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String started = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (Exception e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(started).as("stdout: %s; stderr: %s", started, Files.readString(dir.resolve("stderr.txt")))
                    .startsWith("ipkeeper agent: ").contains("reporting to " + server.url());
            Matcher m = STATUS.matcher(started);
            assertThat(m.find()).isTrue();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            JsonNode agent = null;
            while (agent == null && System.nanoTime() < deadline) {
                agent = call("GET", "/api/v1/agents/agent-proc", null);
                Thread.sleep(100);
            }
            assertThat(agent).as("the agent registered within 60 s").isNotNull();
            assertThat(agent.get("alive").asBoolean()).isTrue();
            assertThat(agent.get("interfaces").findValuesAsText("name")).contains("lo");

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + m.group(1) + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("agent exits after SIGTERM").isTrue();
        }
    }

    @Test
    void missingSettingsAreAllNamedAndNothingStarts() throws Exception {
        Process p = start(Map.of(), "agent", "--report-interval", "1s");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("--interface").contains("--server").contains("--token");

        Process q = start(Map.of(), "agent", "--interface", "lo", "--report-interval", "0s");
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("agent.report-interval").contains("from 1s");

        // Without --server the agent must join gossip; seeds without a gossip address are refused, as is a bad key.
        Process g = start(Map.of("IPKEEPER_TOKEN", "ipk_x"), "agent", "--interface", "lo", "--join", "198.18.0.1:7946");
        assertThat(g.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(g.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("--gossip-bind").contains("--server");
        Process k = start(Map.of("IPKEEPER_TOKEN", "ipk_x", "IPKEEPER_GOSSIP_KEYS", "c2hvcnQ="), "agent",
                "--interface", "lo", "--gossip-bind", "127.0.0.1:0");
        assertThat(k.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(k.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("16, 24 or 32 bytes");
        Process w = start(Map.of("IPKEEPER_TOKEN", "ipk_x"), "agent", "--interface", "lo", "--gossip-bind", "0.0.0.0:7946");
        assertThat(w.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(w.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("an address the others can reach");
    }
}
