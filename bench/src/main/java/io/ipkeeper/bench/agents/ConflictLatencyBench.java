package io.ipkeeper.bench.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.testkit.netns.Bridge;
import io.ipkeeper.testkit.netns.CommandResult;
import io.ipkeeper.testkit.netns.Namespace;
import io.ipkeeper.testkit.netns.NamespaceProcess;
import io.ipkeeper.testkit.netns.NetnsLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Conflict detection latency from the wire to the API, on the incident's topology (the real processes, as the
 * incident replay tests run them): {@code ipkeeper server} in one network namespace, {@code ipkeeper agent} (ARP watch,
 * finds the server through gossip) on host A, a squatter on host B, one switch. Each repetition gives A a fresh
 * address, waits until the server has A's claim from the inventory, then B sends one gratuitous ARP for it; the
 * latency runs from that send to the first {@code GET /api/v1/conflicts} that shows the {@code duplicate}.
 * Needs root (namespaces, raw sockets) and the runnable jar:
 * {@code java -jar bench/target/ipkeeper-bench.jar agent-conflict-latency [--reps 20] [--jar cli/target/ipkeeper.jar]}.
 */
public final class ConflictLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "ipk_conflict-latency-bench-admin-0123456789abcdef";
    private static final String API = "http://198.18.0.1:8080";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private ConflictLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int reps = 20;
        Path jar = Path.of("cli/target/ipkeeper.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: agent-conflict-latency [--reps N] [--jar PATH]");
            }
        }
        if (reps < 1 || reps > 150 || !Files.isRegularFile(jar)) {
            System.err.println("agent-conflict-latency: --reps must be 1..150 and --jar the runnable ipkeeper.jar"
                    + " (build it with ./ipkeeper --version); got " + reps + ", " + jar);
            System.exit(2);
        }
        Path data = Files.createTempDirectory("ipk-latency-");
        try (NetnsLab lab = NetnsLab.create()) {
            run(lab, jar.toAbsolutePath().toString(), data, reps);
        }
        System.exit(0);
    }

    private static void run(NetnsLab lab, String jar, Path data, int reps) {
        Bridge lan = lab.bridge("lan");
        Namespace srv = host(lab, lan, "srv", "198.18.0.1/24");
        Namespace a = host(lab, lan, "a", "198.18.0.2/24");
        Namespace b = host(lab, lan, "b", "198.18.0.3/24");
        String macA = a.exec("cat", "/sys/class/net/eth0/address").orThrow().stdout().strip();
        String java = ProcessHandle.current().info().command().orElse("java");
        NamespaceProcess server = srv.start(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar, "server",
                "--bind", "198.18.0.1", "--port", "8080", "--data-dir", data.toString(), "--bootstrap-token", ADMIN,
                "--gossip-bind", "198.18.0.1:7946", "--gossip-profile", "local", "--gossip-name", "server-1",
                "--log-level", "warn");
        server.awaitLine(l -> l.startsWith("ipkeeper server listening on"), BOUND);
        api(srv, "POST", "/api/v1/spaces", "{\"name\":\"lab\"}");
        api(srv, "POST", "/api/v1/subnets", "{\"space\":\"lab\",\"prefix\":\"198.18.0.0/24\"}");
        String token = api(srv, "POST", "/api/v1/tokens", "{\"name\":\"host-a\",\"role\":\"agent\"}").get("token").asText();
        NamespaceProcess agent = a.start(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar, "agent",
                "--interface", "eth0", "--token", token, "--space", "lab", "--gossip-bind", "198.18.0.2:7946",
                "--join", "198.18.0.1:7946", "--gossip-profile", "local", "--gossip-name", "host-a",
                "--server-allow", API, "--log-level", "warn");
        agent.awaitLine(l -> l.startsWith("ipkeeper agent: watching ARP"), BOUND);
        await(() -> api(srv, "GET", "/api/v1/agents?limit=10", null).get("results").isEmpty() ? null : true);

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            String address = "198.18.0." + (100 + i);
            a.addAddress("eth0", address + "/24");
            await(() -> api(srv, "GET", "/api/v1/observations?space=lab&address=" + address, null).toString()
                    .contains(macA) ? true : null);
            String sent = b.start(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Announce.class.getName(), "eth0", address).awaitLine(l -> l.startsWith("SENT "), BOUND);
            long t0 = Long.parseLong(sent.substring(5).strip());
            long t1 = await(() -> {
                for (JsonNode c : api(srv, "GET", "/api/v1/conflicts?space=lab&kind=duplicate", null).get("results")) {
                    if (c.get("address").asText().equals(address)) {
                        return System.currentTimeMillis();
                    }
                }
                return null;
            });
            latencies.add(t1 - t0);
            System.out.printf("rep %2d  %s  %5d ms%n", i + 1, address, t1 - t0);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("agent-conflict-latency: %d reps, p50 %d ms, p99 %d ms, min %d ms, max %d ms (goal <= 5000 ms)%n",
                reps, percentile(sorted, 50), percentile(sorted, 99), sorted.getFirst(), sorted.getLast());
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Namespace host(NetnsLab lab, Bridge lan, String label, String cidr) {
        Namespace n = lab.namespace(label);
        lan.attach(n, "eth0");
        return n.addAddress("eth0", cidr);
    }

    /** The API from inside the server's namespace (curl), as the admin. */
    private static JsonNode api(Namespace srv, String method, String path, String body) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sf", "-m", "20", "-X", method, "-H",
                "Authorization: Bearer " + ADMIN, "-H", "Content-Type: application/json"));
        if (body != null) {
            cmd.addAll(List.of("--data-binary", body));
        }
        cmd.add(API + path);
        CommandResult r = srv.exec(cmd.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException(method + " " + path + " failed: " + r);
        }
        try {
            return JSON.readTree(r.stdout());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON from " + path + ": " + r.stdout(), e);
        }
    }

    /** Polls every 20 ms until {@code probe} returns non-null; fails after {@link #BOUND}. */
    private static <T> T await(Supplier<T> probe) {
        return io.ipkeeper.testkit.Await.until("the conflict", BOUND, Duration.ofMillis(20), probe);
    }
}
