package io.ipkeeper.cli.client;

import static io.ipkeeper.cli.client.WorkflowTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every documented exit code, each produced by a real situation, with the message users see on stderr. */
class ExitCodesTest {
    private static TestServer server;
    private static Map<String, String> admin;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        server = TestServer.h2("exitcodes");
        admin = server.adminEnv(home.resolve("credentials.toml"));
        ok(Cli.run(admin, "space", "create", "lab"));
        ok(Cli.run(admin, "space", "create", "prod"));
        // The same prefix in two spaces (for --space), and a small subnet to exhaust.
        ok(Cli.run(admin, "subnet", "create", "198.18.0.0/24", "--space", "lab"));
        ok(Cli.run(admin, "subnet", "create", "198.18.0.0/24", "--space", "prod"));
        ok(Cli.run(admin, "subnet", "create", "198.18.9.0/29", "--space", "lab"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli.Result run(Map<String, String> env, int expected, String... args) {
        Cli.Result r = Cli.run(env, args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(expected);
        if (expected != ExitCodes.OK) {
            assertThat(r.err()).as("one clear line on stderr").isNotBlank();
            assertThat(r.out()).as("nothing on stdout on failure").isEmpty();
        }
        return r;
    }

    private static Map<String, String> withToken(String token) {
        Map<String, String> env = new HashMap<>(admin);
        env.put("IPKEEPER_TOKEN", token);
        return env;
    }

    @Test
    void ok0() {
        run(admin, ExitCodes.OK, "space", "show", "lab");
    }

    @Test
    void unexpected1WhenTheServerFails() throws Exception {
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/", ex -> {
            byte[] body = "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"boom\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/problem+json");
            ex.sendResponseHeaders(500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        broken.start();
        try {
            Map<String, String> env = new HashMap<>(admin);
            env.put("IPKEEPER_SERVER", "http://127.0.0.1:" + broken.getAddress().getPort());
            Cli.Result r = run(env, ExitCodes.UNEXPECTED, "space", "list");
            assertThat(r.err().strip()).isEqualTo("ipkeeper space list: Internal Server Error: boom");
        } finally {
            broken.stop(0);
        }
    }

    @Test
    void invalid2ForBadInputTheServerRejects() {
        Cli.Result r = run(admin, ExitCodes.INVALID, "subnet", "create", "198.18.1.0/33", "--space", "lab");
        assertThat(r.err()).startsWith("ipkeeper subnet create: ").contains("198.18.1.0/33");
        run(admin, ExitCodes.INVALID, "ip", "allocate", "--space", "lab", "--subnet", "198.18.0.0/24", "--count", "0");
    }

    @Test
    void invalid2ForAMistypedCommandLine() {
        Cli.Result r = run(admin, ExitCodes.INVALID, "ip", "allocate", "--count", "3");
        assertThat(r.err()).contains("--subnet").contains("--range");
        run(admin, ExitCodes.INVALID, "ip", "allocate", "--subnet", "1", "--range", "1");
        run(admin, ExitCodes.INVALID, "ip", "allocate", "--subnet", "not-a-prefix");
        run(admin, ExitCodes.INVALID, "space", "list", "--output", "yaml");
        run(admin, ExitCodes.INVALID, "ip");
    }

    @Test
    void invalid2WhenAPrefixExistsInSeveralSpacesAndSpaceIsMissing() {
        Cli.Result r = run(admin, ExitCodes.INVALID, "ip", "allocate", "--subnet", "198.18.0.0/24", "--count", "3");
        assertThat(r.err()).contains("prefix 198.18.0.0/24 exists in several spaces").contains("--space");
        JsonNode three = ok(Cli.run(admin, "ip", "allocate", "--space", "prod", "--subnet", "198.18.0.0/24",
                "--count", "3", "--output", "json")).json();
        assertThat(three).hasSize(3);
        JsonNode prod = ok(Cli.run(admin, "space", "show", "prod", "--output", "json")).json();
        assertThat(three).allSatisfy(a -> assertThat(a.get("space").asLong()).isEqualTo(prod.get("id").asLong()));
    }

    @Test
    void notAuthorized3WithoutAValidTokenOrOutsideTheRole() {
        Cli.Result r = run(withToken("ipk_unknown-token-0000000000000000000000000"), ExitCodes.NOT_AUTHORIZED,
                "space", "list");
        assertThat(r.err()).startsWith("ipkeeper space list: ");
        JsonNode viewer = ok(Cli.run(admin, "token", "create", "viewer-3", "--role", "viewer", "--output", "json")).json();
        run(withToken(viewer.get("token").asText()), ExitCodes.NOT_AUTHORIZED, "space", "create", "nope");
        Map<String, String> noToken = new HashMap<>(admin);
        noToken.remove("IPKEEPER_TOKEN");
        assertThat(run(noToken, ExitCodes.NOT_AUTHORIZED, "space", "list").err()).contains("no API token");
    }

    @Test
    void notFound4() {
        run(admin, ExitCodes.NOT_FOUND, "subnet", "show", "9999");
        run(admin, ExitCodes.NOT_FOUND, "space", "show", "nowhere");
        Cli.Result r = run(admin, ExitCodes.NOT_FOUND, "subnet", "show", "203.0.113.0/24");
        assertThat(r.err()).contains("no subnet 203.0.113.0/24");
        run(admin, ExitCodes.NOT_FOUND, "ip", "release", "198.18.9.6");
    }

    @Test
    void conflict5WhenThePoolIsExhaustedOrAnUpdateWasLost() {
        // 198.18.9.0/29 has fewer than 100 usable addresses: nothing is allocated.
        Cli.Result r = run(admin, ExitCodes.CONFLICT, "ip", "allocate", "--subnet", "198.18.9.0/29", "--count", "100");
        assertThat(r.err()).contains("Not enough free addresses: ").contains("nothing was allocated");
        assertThat(ok(Cli.run(admin, "ip", "list", "--subnet", "198.18.9.0/29", "--output", "json")).json()
                .get("count").asInt()).isZero();

        JsonNode one = ok(Cli.run(admin, "ip", "allocate", "--subnet", "198.18.9.0/29", "--output", "json")).json();
        String id = one.get(0).get("id").asText();
        run(admin, ExitCodes.CONFLICT, "ip", "update", id, "--hostname", "late", "--if-match", "W/\"stale\"");
        ok(Cli.run(admin, "ip", "update", id, "--hostname", "fresh"));
    }

    @Test
    void unreachable6WhenTheServerIsDown() throws Exception {
        Map<String, String> env = new HashMap<>(admin);
        env.put("IPKEEPER_SERVER", TestServer.deadUrl());
        Cli.Result r = run(env, ExitCodes.UNREACHABLE, "space", "list");
        assertThat(r.err()).contains("cannot reach the server at " + env.get("IPKEEPER_SERVER"))
                .contains("connection refused");
    }

    @Test
    void everyClientCommandDocumentsTheExitCodesInItsHelp() {
        for (String[] cmd : new String[][] {{"login"}, {"logout"}, {"space", "list"}, {"subnet", "delete"},
                {"range", "create"}, {"ip", "allocate"}, {"ip", "update"}, {"token", "revoke"}, {"ip"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Cli.Result r = ok(Cli.run(Map.of(), args));
            assertThat(r.out().replaceAll("\\s+", " ")).as(String.join(" ", cmd))
                    .contains("Exit codes: 0 ok; 1 unexpected error; 2 invalid usage or input")
                    .contains("6 server unreachable");
        }
    }
}
