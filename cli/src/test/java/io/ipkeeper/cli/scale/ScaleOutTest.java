package io.ipkeeper.cli.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out topology of docs/operations.md, for real: two {@code ipkeeper server} processes over one PostgreSQL
 * database, sharing one bootstrap admin token, 64 HTTP clients split across them allocating from one subnet until it
 * is exhausted. No address is handed out twice, every answer is 201 or 409, and every {@code allocation.created}
 * webhook event reaches the receiver exactly once although both servers run a delivery loop over the same outbox.
 */
@Tag("slow")
class ScaleOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ipk_scale-out-shared-bootstrap-token-0123456789";
    private static final int CLIENTS = 64;
    /** 198.18.77.0/24 without network, broadcast and gateway. */
    private static final int POOL = 253;

    @TempDir
    Path dir;

    @Test
    void twoServersOverOnePostgresqlNeverHandOutAnAddressTwiceAndDeliverEachEventOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL, "scaleout");
             Receiver receiver = new Receiver()) {
            Map<String, String> env = Map.of("IPKEEPER_BOOTSTRAP_TOKEN", TOKEN);
            // Both start at once: migrations and the bootstrap token are insert-if-absent, so racing starts are safe.
            try (ServerPair servers = ServerPair.start(db.jdbcUrl(), env, dir)) {
                ServerProcess a = servers.a();
                ServerProcess b = servers.b();
                List<String> urls = List.of(a.url(), b.url());
                HttpClient admin = client();
                send(admin, "POST", a.url() + "/api/v1/spaces", TOKEN, Map.of("name", "scale"), 201);
                long subnet = send(admin, "POST", b.url() + "/api/v1/subnets", TOKEN, Map.of("space", "scale",
                        "prefix", "198.18.77.0/24", "gateway", "198.18.77.1"), 201).get("id").asLong();
                send(admin, "POST", a.url() + "/api/v1/webhooks", TOKEN, Map.of("url", receiver.url(),
                        "events", List.of("allocation.created"), "secret", "scale-out-secret-0123456789"), 201);
                String service = send(admin, "POST", b.url() + "/api/v1/tokens", TOKEN,
                        Map.of("name", "scale-svc", "role", "service",
                                "grants", List.of(Map.of("scope", "space", "value", "scale"))), 201).get("token").asText();

                Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
                List<String> addresses = allocateUntilExhausted(urls, subnet, service, statuses);

                assertThat(statuses.keySet()).as("every answer is 201 or 409, never 5xx").containsOnly(201, 409);
                assertThat(addresses).as("the whole pool, once").hasSize(POOL);
                assertThat(new HashSet<>(addresses)).as("no address twice").hasSize(POOL);
                assertThat(statuses.get(409)).as("each client stops at its first 409").isEqualTo(CLIENTS);
                assertThat(count(db, "SELECT COUNT(*) FROM allocation")).isEqualTo(POOL);

                // The outbox drains (a row is deleted once its receiver said 2xx); then every event arrived once.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (count(db, "SELECT COUNT(*) FROM webhook_delivery") > 0 || receiver.received.size() < POOL) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("webhook outbox not drained within 120 s: "
                                + count(db, "SELECT COUNT(*) FROM webhook_delivery") + " left, "
                                + receiver.received.size() + " received");
                    }
                    Thread.sleep(100);
                }
                List<String> deliveryIds = receiver.received.stream().map(Receiver.Hit::delivery).toList();
                assertThat(deliveryIds).as("one delivery per allocation").hasSize(POOL);
                assertThat(new HashSet<>(deliveryIds)).as("no event delivered twice").hasSize(POOL);
                Set<String> delivered = new HashSet<>();
                for (Receiver.Hit h : receiver.received) {
                    delivered.add(JSON.readTree(h.body()).at("/data/allocation/address").asText());
                }
                assertThat(delivered).as("the events name exactly the allocated addresses")
                        .containsExactlyInAnyOrderElementsOf(addresses);
            }
        }
    }

    /** Half the clients talk to each server; each allocates one address per request until it gets a 409. */
    private static List<String> allocateUntilExhausted(List<String> urls, long subnet, String token,
                                                       Map<Integer, Integer> statuses) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                String base = urls.get(c % urls.size());
                HttpClient http = client();
                results.add(pool.submit(() -> {
                    go.await();
                    List<String> mine = new ArrayList<>();
                    while (true) {
                        HttpResponse<String> r = http.send(post(base + "/api/v1/subnets/" + subnet + "/allocations",
                                token, Map.of("hostname", "scale")), HttpResponse.BodyHandlers.ofString());
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        if (r.statusCode() != 201) {
                            return mine;
                        }
                        for (JsonNode a : JSON.readTree(r.body())) {
                            mine.add(a.get("address").asText());
                        }
                    }
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : results) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
            return all;
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpRequest post(String url, String token, Object body) throws Exception {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static JsonNode send(HttpClient http, String method, String url, String token, Object body, int expect)
            throws Exception {
        HttpResponse<String> r = http.send(post(url, token, body), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isEqualTo(expect);
        return JSON.readTree(r.body());
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Two servers started in parallel, as an orchestrator rolling out two replicas would; closes both. */
    private record ServerPair(ServerProcess a, ServerProcess b) implements AutoCloseable {
        static ServerPair start(String dbUrl, Map<String, String> env, Path dir) {
            CompletableFuture<ServerProcess> a = CompletableFuture.supplyAsync(() -> one(dbUrl, env, dir.resolve("a.err")));
            CompletableFuture<ServerProcess> b = CompletableFuture.supplyAsync(() -> one(dbUrl, env, dir.resolve("b.err")));
            try {
                CompletableFuture.allOf(a, b).join();
            } catch (RuntimeException e) {
                // one failed: stop the other before reporting
                for (CompletableFuture<ServerProcess> f : List.of(a, b)) {
                    ServerProcess p = f.exceptionally(t -> null).join();
                    if (p != null) {
                        p.close();
                    }
                }
                throw e;
            }
            return new ServerPair(a.join(), b.join());
        }

        private static ServerProcess one(String dbUrl, Map<String, String> env, Path err) {
            try {
                return ServerProcess.start(dbUrl, env, err);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    /** A webhook receiver on 127.0.0.1 that records every delivery and answers 204. */
    private static final class Receiver implements AutoCloseable {
        record Hit(String delivery, String body) {}

        private final HttpServer server;
        final List<Hit> received = new CopyOnWriteArrayList<>();

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/hook", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Hit(ex.getRequestHeaders().getFirst("X-Ipkeeper-Delivery"), body));
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
