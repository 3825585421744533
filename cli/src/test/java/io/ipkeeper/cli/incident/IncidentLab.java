package io.ipkeeper.cli.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.testkit.netns.Bridge;
import io.ipkeeper.testkit.netns.CommandResult;
import io.ipkeeper.testkit.netns.Namespace;
import io.ipkeeper.testkit.netns.NamespaceProcess;
import io.ipkeeper.testkit.netns.NetnsLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The seed-001 incident as a lab: one switch (a bridge) and separate "hosts" in their own network namespaces, all on
 * 198.18.0.0/24. {@code srv} (198.18.0.1) runs the real {@code ipkeeper server} (H2, gossip on 198.18.0.1:7946, local
 * profile) and a webhook receiver on its own loopback; {@code a} (198.18.0.2 and 198.18.0.10) runs the real
 * {@code ipkeeper agent} without {@code --server}: it finds the server through gossip, trusted by
 * {@code --server-allow}. Further hosts come from {@link #host}. The API is called with curl inside {@code srv}.
 * {@link #close()} kills every process and deletes the namespaces (and with them every link).
 */
final class IncidentLab implements AutoCloseable {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final String ADMIN = "ipk_incident-replay-admin-token-0123456789abcdefgh";
    static final String API = "http://198.18.0.1:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetnsLab lab;
    private final Bridge lan;
    private final Path dataDir;
    final Namespace srv;
    final Namespace a;
    final NamespaceProcess server;
    final NamespaceProcess hooks;
    NamespaceProcess agent;
    String macA;
    private int nextHost = 3;

    IncidentLab() {
        lab = NetnsLab.create();
        try {
            dataDir = Files.createTempDirectory("ipk-incident-");
            lan = lab.bridge("lan");
            srv = host("srv", "198.18.0.1/24");
            a = host("a", "198.18.0.2/24");
            a.addAddress("eth0", "198.18.0.10/24");
            macA = mac(a);
            server = srv.startJava("io.ipkeeper.cli.Main", "server", "--bind", "198.18.0.1", "--port", "8080",
                    "--data-dir", dataDir.toString(), "--bootstrap-token", ADMIN, "--gossip-bind", "198.18.0.1:7946",
                    "--gossip-profile", "local", "--gossip-name", "server-1", "--conflicts-window", "1h");
            server.awaitLine(l -> l.startsWith("ipkeeper server listening on"), Duration.ofSeconds(60));
            hooks = srv.startJava(HookReceiverMain.class.getName(), "9999");
            hooks.awaitLine("READY"::equals, Duration.ofSeconds(60));
            api("POST", "/api/v1/spaces", "{\"name\":\"lab\"}", 201);
            api("POST", "/api/v1/subnets", "{\"space\":\"lab\",\"prefix\":\"198.18.0.0/24\"}", 201);
            api("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9999/hook\",\"events\":[\"conflict.opened\"]}",
                    201);
        } catch (IOException | RuntimeException | Error e) {
            lab.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof Error err) {
            throw err;
        }
        return (RuntimeException) e;
    }

    /** A new host on the switch, with {@code cidr} on its eth0. */
    Namespace host(String label, String cidr) {
        Namespace n = lab.namespace(label);
        lan.attach(n, "eth0");
        n.addAddress("eth0", cidr);
        return n;
    }

    /** A new host with the next free address of 198.18.0.3–99. */
    Namespace host(String label) {
        return host(label, "198.18.0." + nextHost++ + "/24");
    }

    static String mac(Namespace n) {
        return n.exec("cat", "/sys/class/net/eth0/address").orThrow().stdout().strip();
    }

    /**
     * Starts the real agent in {@code a}: ARP watch on eth0, gossip on 198.18.0.2:7946, no --server. Its heartbeat is
     * a report a minute (news still goes out within 0.5 s), so the heartbeat alone would keep it alive for three
     * minutes: whatever the tests see die within 30 s died through gossip.
     */
    NamespaceProcess startAgent(String name) {
        String token = api("POST", "/api/v1/tokens", "{\"name\":\"" + name + "\",\"role\":\"agent\"}", 201)
                .get("token").asText();
        agent = a.startJava("io.ipkeeper.cli.Main", "agent", "--interface", "eth0", "--token", token, "--space", "lab",
                "--gossip-bind", "198.18.0.2:7946", "--join", "198.18.0.1:7946", "--gossip-profile", "local",
                "--gossip-name", name, "--server-allow", API, "--report-interval", "60s", "--listen", "127.0.0.1:9180");
        agent.awaitLine(l -> l.startsWith("ipkeeper agent: watching ARP on eth0"), Duration.ofSeconds(60));
        await("agent " + name + " alive and covering 198.18.0.0/24", () -> {
            JsonNode v = apiOrNull("GET", "/api/v1/agents/" + name);
            return v != null && v.get("alive").asBoolean() && !v.get("coveredSubnets").isEmpty() ? v : null;
        });
        return agent;
    }

    /** Calls the API from inside {@code srv} and returns the JSON answer; any other status than {@code expect} fails. */
    JsonNode api(String method, String path, String body, int expect) {
        Response r = call(method, path, body);
        if (r.status != expect) {
            throw new AssertionError(method + " " + path + " → " + r.status + " (expected " + expect + "): " + r.body);
        }
        return r.json();
    }

    JsonNode apiOrNull(String method, String path) {
        Response r = call(method, path, null);
        return r.status / 100 == 2 ? r.json() : null;
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Response call(String method, String path, String body) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-m", "20", "-w", "\n%{http_code}", "-X", method,
                "-H", "Authorization: Bearer " + ADMIN, "-H", "Content-Type: application/json"));
        if (body != null) {
            cmd.addAll(List.of("--data-binary", body));
        }
        cmd.add(API + path);
        CommandResult r = srv.exec(cmd.toArray(String[]::new));
        String out = r.stdout();
        int nl = out.lastIndexOf('\n');
        if (r.exitCode() != 0 || nl < 0) {
            throw new AssertionError("curl failed: " + r);
        }
        return new Response(Integer.parseInt(out.substring(nl + 1).strip()), out.substring(0, nl));
    }

    /** Polls {@code probe} until it returns non-null, for at most {@link #GENEROUS}. */
    static <T> T await(String what, java.util.function.Supplier<T> probe) {
        return io.ipkeeper.testkit.Await.until(what, GENEROUS, Duration.ofMillis(100), probe);
    }

    /** The first open conflict at {@code address} of {@code kind} matching {@code check}, or null. */
    JsonNode conflict(String kind, String address, Function<JsonNode, Boolean> check) {
        JsonNode list = api("GET", "/api/v1/conflicts?space=lab&kind=" + kind, null, 200).get("results");
        for (JsonNode c : list) {
            if (c.get("address").asText().equals(address) && check.apply(c)) {
                return c;
            }
        }
        return null;
    }

    Namespace namespace(String label) {
        return lab.namespace(label);
    }

    @Override
    public void close() {
        lab.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
