package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.webhooks.WebhookOptions;
import io.ipkeeper.server.webhooks.WebhookSignature;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks end to end over HTTP: outbox, signed at-least-once delivery with retries, thresholds, two servers. */
@DatabaseTest
class WebhooksTest {
    private static final AtomicInteger NEXT = new AtomicInteger(10);
    private static final String SECRET = "test-webhook-secret-0123456789";
    private static final Duration BOUND = Duration.ofSeconds(30);
    /** Fast retries, so "down then up" takes seconds, not minutes. */
    private static final WebhookOptions FAST = WebhookOptions.defaults().withRetry(Duration.ofMillis(100),
            Duration.ofMillis(400)).withPollInterval(Duration.ofMillis(200));

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private WebhookReceiver receiver;

    WebhooksTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() throws IOException {
        server = Api.start(db, 4, o -> o.withWebhooks(FAST));
        admin = Api.admin(server);
        if (admin.get("/api/v1/spaces/hooks").status() == 404) {
            admin.post("/api/v1/spaces", Map.of("name", "hooks")).ok(201);
        }
        // subscriptions of earlier tests (same database) must not keep receiving or failing
        admin.get("/api/v1/webhooks?limit=1000").ok(200).get("results")
                .forEach(w -> admin.delete("/api/v1/webhooks/" + w.get("id").asLong()).ok(200));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.close();
    }

    private long subnet(String size, Integer threshold) {
        String prefix = "198.19." + NEXT.incrementAndGet() + ".0/" + size;
        Map<String, Object> body = threshold == null ? Map.of("space", "hooks", "prefix", prefix)
                : Map.of("space", "hooks", "prefix", prefix, "utilizationThreshold", threshold);
        return admin.post("/api/v1/subnets", body).ok(201).get("id").asLong();
    }

    private JsonNode allocate(Api api, long subnet, Map<String, Object> body) {
        return api.post("/api/v1/subnets/" + subnet + "/allocations", body).ok(201);
    }

    private long pending(long subscription) {
        for (JsonNode w : admin.get("/api/v1/webhooks").ok(200).get("results")) {
            if (w.get("id").asLong() == subscription) {
                return w.get("pendingDeliveries").asLong();
            }
        }
        throw new AssertionError("subscription " + subscription + " is gone");
    }

    private static JsonNode json(WebhookReceiver.Received r) {
        try {
            return Api.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void allocationEventsArriveSignedAndEachDeliveryOnce() {
        long sub = receiver.subscribe(admin, SECRET, "allocation.created", "allocation.released");
        long s = subnet("28", null);
        Instant before = Instant.now().minusSeconds(1);
        JsonNode made = allocate(admin, s, Map.of("count", 3, "hostname", "hook-{n}"));
        admin.delete("/api/v1/allocations/" + made.get(0).get("id").asLong()).ok(200);

        Eventually.until(BOUND, "receiver.accepted.size() >= 4 && pending(sub) == 0", () -> receiver.accepted.size() >= 4 && pending(sub) == 0);
        assertThat(receiver.accepted).hasSize(4);
        assertThat(receiver.ofType("allocation.created")).hasSize(3);
        assertThat(receiver.ofType("allocation.released")).hasSize(1);
        Set<String> ids = new HashSet<>();
        for (WebhookReceiver.Received r : receiver.accepted) {
            assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, r.timestamp(), r.body()));
            assertThat(r.signature()).isNotEqualTo(WebhookSignature.sign("another-secret-0123456789", r.timestamp(), r.body()));
            assertThat(Long.parseLong(r.timestamp())).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
            assertThat(ids.add(r.delivery())).as("delivery %s seen once", r.delivery()).isTrue();
            JsonNode e = json(r);
            assertThat(e.get("type").asText()).isEqualTo(r.event());
            assertThat(r.delivery()).startsWith(e.get("id").asText());
            assertThat(e.get("actor").asText()).isNotBlank();
            assertThat(e.at("/data/allocation/subnet").asLong()).isEqualTo(s);
        }
        JsonNode released = json(receiver.ofType("allocation.released").get(0));
        assertThat(released.at("/data/allocation/address").asText()).isEqualTo(made.get(0).get("address").asText());
        assertThat(released.at("/data/allocation/state").asText()).isEqualTo("quarantined");
    }

    @Test
    void receiverDownThenUpLosesNothing() {
        receiver.down = true;
        long sub = receiver.subscribe(admin, SECRET, "allocation.created");
        long s = subnet("28", null);
        for (int i = 0; i < 5; i++) {
            allocate(admin, s, Map.of());
        }
        // every event was tried and refused at least once, and retried after that (backoff, not given up)
        Eventually.until(BOUND, "receiver.refused.get() >= 10", () -> receiver.refused.get() >= 10);
        assertThat(pending(sub)).isEqualTo(5);
        receiver.down = false;
        Eventually.until(BOUND, "pending(sub) == 0", () -> pending(sub) == 0);
        List<String> events = receiver.accepted.stream().map(r -> json(r).get("id").asText()).distinct().toList();
        assertThat(events).hasSize(5);
    }

    @Test
    void aReceiverThatIsDownDoesNotBlockAllocations() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        long sub = admin.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:" + closedPort + "/nobody",
                "events", List.of("allocation.created"))).ok(201).get("id").asLong();
        long s = subnet("28", null);
        for (int i = 0; i < 10; i++) {
            allocate(admin, s, Map.of());
        }
        assertThat(pending(sub)).isEqualTo(10);
    }

    @Test
    void subnetThresholdFiresOnceOnTheWayUpAndRearmsBelow() {
        long sub = receiver.subscribe(admin, SECRET, "subnet.threshold");
        long s = subnet("29", 50); // 6 usable addresses: 3 reach 50 %
        Map<String, Object> reserve = Map.of("expiresIn", "PT1H"); // reservations are freed at once on release
        allocate(admin, s, Map.of("count", 2, "expiresIn", "PT1H"));
        JsonNode third = allocate(admin, s, reserve);
        allocate(admin, s, reserve); // still above: no second event
        Eventually.until(BOUND, "receiver.ofType(\"subnet.threshold\").size() == 1", () -> receiver.ofType("subnet.threshold").size() == 1);
        JsonNode first = json(receiver.ofType("subnet.threshold").get(0));
        assertThat(first.at("/data/subnet/id").asLong()).isEqualTo(s);
        assertThat(first.at("/data/utilization/thresholdPercent").asInt()).isEqualTo(50);
        assertThat(first.at("/data/utilization/usedPercent").asDouble()).isGreaterThanOrEqualTo(50.0);

        admin.delete("/api/v1/allocations/" + third.get(0).get("id").asLong()).ok(200);
        List<Long> rest = admin.get("/api/v1/allocations?subnet=" + s).ok(200).findValues("id").stream()
                .map(JsonNode::asLong).toList();
        admin.delete("/api/v1/allocations/" + rest.get(0)).ok(200); // 2 of 6 left: below, re-armed
        Eventually.until(BOUND, "stateAbove(s) == Boolean.FALSE", () -> stateAbove(s) == Boolean.FALSE);
        allocate(admin, s, reserve); // 3 of 6: crosses again
        Eventually.until(BOUND, "receiver.ofType(\"subnet.threshold\").size() >= 2 && pending(sub) == 0", () -> receiver.ofType("subnet.threshold").size() >= 2 && pending(sub) == 0);
        assertThat(receiver.ofType("subnet.threshold")).hasSize(2);
    }

    private Boolean stateAbove(long subnet) {
        try (var c = db.connect(); var st = c.prepareStatement("SELECT above FROM subnet_threshold_state WHERE subnet_id = ?")) {
            st.setLong(1, subnet);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoServersOnOneDatabaseDeliverEachEventExactlyOnce() {
        long sub = receiver.subscribe(admin, SECRET, "allocation.created");
        long s = subnet("27", null);
        try (IpkeeperServer second = Api.start(db, 4, o -> o.withWebhooks(FAST))) {
            Api other = Api.admin(second);
            for (int i = 0; i < 20; i++) {
                allocate(i % 2 == 0 ? admin : other, s, Map.of());
            }
            Eventually.until(BOUND, "receiver.accepted.size() >= 20 && pending(sub) == 0", () -> receiver.accepted.size() >= 20 && pending(sub) == 0);
        }
        assertThat(receiver.accepted).hasSize(20);
        assertThat(receiver.accepted.stream().map(WebhookReceiver.Received::delivery).distinct()).hasSize(20);
    }

    @Test
    void badSubscriptionsAreRefusedAndWriteNothing() {
        long before = Api.count(db, "webhook_subscription");
        admin.post("/api/v1/webhooks", Map.of("url", "ftp://x/", "events", List.of("allocation.created"))).problem(422);
        admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "events", List.of("allocation.made"))).problem(422);
        admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "events", List.of())).problem(422);
        admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "events", List.of("conflict.opened"),
                "secret", "short")).problem(422);
        admin.delete("/api/v1/webhooks/987654").problem(404);
        assertThat(Api.count(db, "webhook_subscription")).isEqualTo(before);

        JsonNode created = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                "events", List.of("conflict.opened", "conflict.resolved"))).ok(201);
        assertThat(created.get("secret").asText()).startsWith("whsec_").hasSizeGreaterThan(40);
        JsonNode listed = admin.get("/api/v1/webhooks").ok(200).get("results").get(0);
        assertThat(listed.has("secret")).isFalse();
        assertThat(listed.get("events").isArray()).isTrue();
        assertThat(listed.get("events")).hasSize(2);
    }
}
