package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Request-Id} (taken, generated, echoed, refused when malformed) and {@code GET /api/v1/audit} with its
 * filters: every audit event carries the id of the request that caused it, also when the allocator wrote a batch of
 * several requests' allocations on one request's thread.
 */
@DatabaseTest
class AuditRoutesTest {
    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;

    AuditRoutesTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 4);
        admin = Api.admin(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aGivenRequestIdIsEchoedAndRecordedAndOneIsGeneratedOtherwise() {
        Api.Res created = admin.post("/api/v1/spaces", Map.of("name", "audit-rid"), Map.of("X-Request-Id", "lb-7f3a-0001"));
        created.ok(201);
        assertThat(created.header("X-Request-Id")).isEqualTo("lb-7f3a-0001");
        JsonNode events = admin.get("/api/v1/audit?requestId=lb-7f3a-0001").ok(200);
        assertThat(events.get("count").asInt()).isEqualTo(1);
        JsonNode e = events.get("results").get(0);
        assertThat(e.get("action").asText()).isEqualTo("space.create");
        assertThat(e.get("requestId").asText()).isEqualTo("lb-7f3a-0001");

        Api.Res generated = admin.get("/api/v1/spaces");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(Api.anonymous(server).get("/api/v1/spaces").header("X-Request-Id"))
                .as("errors carry it too").matches("[0-9a-f-]{36}");

        long before = Api.count(db, "audit_event");
        Api.Res bad = admin.post("/api/v1/spaces", Map.of("name", "never"), Map.of("X-Request-Id", "has spaces in it"));
        assertThat(bad.problem(400).get("detail").asText()).contains("X-Request-Id");
        assertThat(bad.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(Api.count(db, "audit_event")).as("nothing written").isEqualTo(before);
    }

    @Test
    void concurrentAllocationsEachCarryTheirOwnRequestId() throws Exception {
        admin.post("/api/v1/spaces", Map.of("name", "audit-batch")).ok(201);
        long subnet = admin.post("/api/v1/subnets", Map.of("space", "audit-batch", "prefix", "198.18.50.0/24"))
                .ok(201).get("id").asLong();
        int n = 24;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> made = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                String rid = "alloc-" + i;
                Api client = Api.admin(server);
                made.add(pool.submit(() -> {
                    go.await();
                    return client.post("/api/v1/subnets/" + subnet + "/allocations", Map.of(), Map.of("X-Request-Id", rid))
                            .ok(201).get(0).get("id").asLong();
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                long allocation = made.get(i).get();
                JsonNode events = admin.get("/api/v1/audit?requestId=alloc-" + i).ok(200);
                assertThat(events.get("count").asInt()).as("alloc-%d", i).isEqualTo(1);
                JsonNode e = events.get("results").get(0);
                assertThat(e.get("action").asText()).isEqualTo("allocation.create");
                assertThat(e.get("objectId").asLong()).as("the event of alloc-%d names its own allocation", i)
                        .isEqualTo(allocation);
            }
        }
    }

    @Test
    void filtersCombineAndPage() throws Exception {
        Instant start = Instant.now();
        long space = admin.post("/api/v1/spaces", Map.of("name", "audit-filter")).ok(201).get("id").asLong();
        long subnet = admin.post("/api/v1/subnets", Map.of("space", "audit-filter", "prefix", "198.18.60.0/24"))
                .ok(201).get("id").asLong();
        Api engineer = admin.withRole("audit-eng", "engineer", "space:audit-filter");
        for (int i = 0; i < 3; i++) {
            engineer.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("hostname", "h" + i)).ok(201);
        }
        admin.patch("/api/v1/subnets/" + subnet, Map.of("description", "audited"), Map.of()).ok(200);

        JsonNode byAction = admin.get("/api/v1/audit?action=allocation.create&space=" + space).ok(200);
        assertThat(byAction.get("count").asInt()).isEqualTo(3);
        String actor = byAction.get("results").get(0).get("actor").asText();
        assertThat(actor).contains("audit-eng");
        assertThat(admin.get("/api/v1/audit?actor=" + q(actor)).ok(200).get("count").asInt()).isEqualTo(3);

        JsonNode bySubnet = admin.get("/api/v1/audit?objectType=subnet&objectId=" + subnet).ok(200);
        assertThat(bySubnet.get("results")).extracting(e -> e.get("action").asText())
                .containsExactly("subnet.update", "subnet.create");

        JsonNode page = admin.get("/api/v1/audit?space=" + space + "&limit=2").ok(200);
        assertThat(page.get("count").asInt()).isEqualTo(6);
        assertThat(page.get("results")).hasSize(2);
        assertThat(page.get("next").asText()).contains("offset=2");

        Instant later = Instant.now().plusSeconds(3600);
        assertThat(admin.get("/api/v1/audit?space=" + space + "&since=" + q(start.minusSeconds(60).toString())
                + "&until=" + q(later.toString())).ok(200).get("count").asInt()).isEqualTo(6);
        assertThat(admin.get("/api/v1/audit?space=" + space + "&since=" + q(later.toString())).ok(200)
                .get("count").asInt()).isZero();

        admin.get("/api/v1/audit?since=yesterday").problem(400);
        admin.get("/api/v1/audit?since=" + q(later.toString()) + "&until=" + q(start.toString())).problem(400);
        admin.get("/api/v1/audit?objectId=abc").problem(400);
    }
}
