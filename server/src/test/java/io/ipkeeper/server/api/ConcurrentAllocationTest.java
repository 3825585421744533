package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 64 HTTP clients allocate from one /24 at once, more requests than addresses: every answer is 201 or 409, no address
 * is handed out twice, and exactly the pool's size is handed out.
 */
@DatabaseTest
class ConcurrentAllocationTest {
    private static final int CLIENTS = 64;
    private static final int REQUESTS_EACH = 5;
    /** 198.18.200.0/24 without network, broadcast and gateway. */
    private static final int POOL = 253;

    private final TestDatabase db;

    ConcurrentAllocationTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void sixtyFourClientsNeverGetTheSameAddress() throws Exception {
        try (IpkeeperServer server = Api.start(db, 8)) {
            Api admin = Api.admin(server);
            admin.post("/api/v1/spaces", Map.of("name", "race")).ok(201);
            long subnet = admin.post("/api/v1/subnets", Map.of("space", "race", "prefix", "198.18.200.0/24",
                    "gateway", "198.18.200.1")).ok(201).get("id").asLong();
            String token = admin.post("/api/v1/tokens", Map.of("name", "race-svc", "role", "service",
                    "grants", List.of(Map.of("scope", "space", "value", "race")))).ok(201)
                    .get("token").asText();

            CountDownLatch go = new CountDownLatch(1);
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<Future<List<String>>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                for (int c = 0; c < CLIENTS; c++) {
                    Api client = Api.anonymous(server).as(token);
                    results.add(pool.submit(() -> {
                        go.await();
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; i < REQUESTS_EACH; i++) {
                            Api.Res r = client.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("hostname", "race"));
                            statuses.merge(r.status(), 1, Integer::sum);
                            if (r.status() == 201) {
                                for (JsonNode a : r.json()) {
                                    mine.add(a.get("address").asText());
                                }
                            } else {
                                r.problem(409);
                            }
                        }
                        return mine;
                    }));
                }
                go.countDown();
                List<String> all = new ArrayList<>();
                for (Future<List<String>> f : results) {
                    all.addAll(f.get());
                }
                Set<String> unique = new HashSet<>(all);
                assertThat(statuses.keySet()).containsOnly(201, 409);
                assertThat(all).hasSize(POOL);
                assertThat(unique).hasSize(POOL);
                assertThat(statuses.get(201)).isEqualTo(POOL);
                assertThat(statuses.get(409)).isEqualTo(CLIENTS * REQUESTS_EACH - POOL);
                assertThat(Api.count(db, "allocation")).isEqualTo(POOL);
            }
        }
    }
}
