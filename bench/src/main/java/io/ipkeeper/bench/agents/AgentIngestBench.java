package io.ipkeeper.bench.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar ipkeeper-bench.jar agent-ingest [--agents N] [--observations K] [--clients C] [--warmup W]
 * [--seconds S] [--probes P] [--url JDBC_URL]}: a server in this JVM on a fresh PostgreSQL database (dropped afterwards).
 *
 * <ol>
 *   <li><b>Ingestion</b>: N agents (each with its own agent token) report in turn, each report carrying K ARP
 *       observations of its /24, through C concurrent HTTP clients for W seconds unmeasured (JIT compilation, and
 *       the first report of every agent, which inserts its rows), then S seconds measured: reports/s and
 *       observations/s. Every report of one agent names the same K stations, as a quiet segment does.</li>
 *   <li><b>Detection latency</b>, P times: one agent reports an address with MAC A, a second agent the same address
 *       with MAC B; the time from sending the second report until {@code GET /api/v1/conflicts} lists the duplicate.
 *       This is the server's part of "wire to API"; the agent adds its batching (up to 1 s ARP flush plus 0.5 s
 *       report gap).</li>
 * </ol>
 */
public final class AgentIngestBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentIngestBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int agents = Integer.parseInt(o.getOrDefault("agents", "1000"));
        int perReport = Integer.parseInt(o.getOrDefault("observations", "50"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "32"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
        int probes = Integer.parseInt(o.getOrDefault("probes", "30"));
        String adminUrl = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String name = "ipk_agentbench_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        String admin = "ipk_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        try {
            try (IpkeeperServer server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, url, null, null, 16)
                    .withBootstrapToken(admin))) {
                Client api = new Client(server.url());
                api.send("POST", "/api/v1/spaces", admin, Map.of("name", "bench"));
                api.send("POST", "/api/v1/subnets", admin, Map.of("space", "bench", "prefix", "198.18.0.0/15",
                        "container", true));
                List<String> tokens = new ArrayList<>();
                for (int a = 0; a < agents; a++) {
                    tokens.add(api.send("POST", "/api/v1/tokens", admin, Map.of("name", "agent-" + a, "role", "agent"))
                            .get("token").asText());
                }
                System.out.printf(Locale.ROOT, "# agent-ingest: PostgreSQL, %d cores, %d agents, %d observations per"
                                + " report, %d clients, %d s after %d s of warm-up; load average %s%n",
                        Runtime.getRuntime().availableProcessors(), agents, perReport, clients, seconds, warmup,
                        loadAverage());
                ingest(api, tokens, perReport, clients, warmup, seconds);
                latency(api, admin, tokens, probes);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static void ingest(Client api, List<String> tokens, int perReport, int clients, int warmup, int seconds)
            throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong reports = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong next = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        long[] latencies = new long[4_000_000];
        AtomicLong samples = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(pool.submit(() -> {
                    while (!stop.get()) {
                        long n = next.getAndIncrement();
                        int agent = (int) (n % tokens.size());
                        long t0 = System.nanoTime();
                        int status = api.status("/api/v1/agents/report", tokens.get(agent), report(agent, n, perReport));
                        if (!measuring.get()) {
                            continue;
                        }
                        long i = samples.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[(int) i] = System.nanoTime() - t0;
                        }
                        (status == 200 ? reports : failures).incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(warmup * 1000L);
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Future<?> f : runs) {
                f.get();
            }
            double s = (System.nanoTime() - start) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, (int) Math.min(samples.get(), latencies.length));
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| ingestion | %,.0f reports/s | %,.0f observations/s | report p50 %.1f ms,"
                            + " p99 %.1f ms | %d failed |%n", reports.get() / s, reports.get() * perReport / s,
                    pct(sorted, 0.50), pct(sorted, 0.99), failures.get());
        }
    }

    /** A report of agent {@code a} (host 198.18.(a/250).(a%250+1)/24 ... its /24 heard K stations). */
    private static Map<String, Object> report(int a, long n, int perReport) {
        int third = a % 256;
        int second = 18 + (a / 256) % 2;
        List<Map<String, Object>> seen = new ArrayList<>();
        for (int k = 0; k < perReport; k++) {
            int host = 2 + (int) ((n + k) % 250);
            seen.add(Map.of("address", "198." + second + "." + third + "." + host,
                    "mac", String.format(Locale.ROOT, "02:00:5e:%02x:%02x:%02x", third, second, host),
                    "interfaceName", "eth0", "kind", "request", "count", 3, "firstSeenAgoMillis", 900,
                    "lastSeenAgoMillis", 100));
        }
        return Map.of("space", "bench", "arpWatch", true, "reportIntervalSeconds", 10,
                "interfaces", List.of(Map.of("name", "eth0", "mac", String.format(Locale.ROOT, "02:00:5f:%02x:%02x:01",
                        third, second), "addresses", List.of("198." + second + "." + third + ".1/24"))),
                "observations", seen);
    }

    private static void latency(Client api, String admin, List<String> tokens, int probes) throws Exception {
        long[] took = new long[probes];
        for (int i = 0; i < probes; i++) {
            String address = "2001:db8:ffff::" + Integer.toHexString(i + 1); // outside every agent's /24 of the ingestion phase
            Map<String, Object> a = Map.of("space", "bench", "interfaces", List.of(), "observations", List.of(Map.of(
                    "address", address, "mac", "02:00:5e:aa:00:01", "interfaceName", "eth0", "kind", "gratuitous_request")));
            Map<String, Object> b = Map.of("space", "bench", "interfaces", List.of(), "observations", List.of(Map.of(
                    "address", address, "mac", "02:00:5e:bb:00:01", "interfaceName", "eth0", "kind", "gratuitous_request")));
            api.status("/api/v1/agents/report", tokens.get(0), a);
            long t0 = System.nanoTime();
            api.status("/api/v1/agents/report", tokens.get(1 % tokens.size()), b);
            while (true) {
                JsonNode page = api.send("GET", "/api/v1/conflicts?kind=duplicate&state=open&limit=1000", admin, null);
                if (page.get("results").findValuesAsText("address").contains(address)) {
                    break;
                }
                Thread.sleep(5);
            }
            took[i] = System.nanoTime() - t0;
        }
        Arrays.sort(took);
        System.out.printf(Locale.ROOT, "| detection (second report sent → duplicate in the API), %d times | p50 %.1f ms |"
                + " p99 %.1f ms | max %.1f ms | goal ≤ 5 s wire to API |%n", probes, pct(took, 0.5), pct(took, 0.99),
                took[took.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: agent-ingest [--agents N] [--observations K] [--clients C]"
                        + " [--warmup W] [--seconds S] [--probes P] [--url JDBC_URL]; not '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    /** A shared HTTP/1.1 client. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;

        Client(String base) {
            this.base = base;
        }

        JsonNode send(String method, String path, String token, Object body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        }

        int status(String path, String token, Object body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
