package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.metrics.MetricsOptions;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: Prometheus text with per-subnet gauges (capped), allocation histogram, HTTP and webhook metrics. */
class MetricsTest {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.create(DatabaseKind.H2, "metrics");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void needsATokenOfAnyRoleAndShowsEveryFamilyWithTheSubnetCap() {
        try (IpkeeperServer server = Api.start(db, 2, o -> o.withMetrics(new MetricsOptions(false, 1)))) {
            Api admin = Api.admin(server);
            admin.post("/api/v1/spaces", Map.of("name", "m")).ok(201);
            long s1 = admin.post("/api/v1/subnets", Map.of("space", "m", "prefix", "198.51.100.0/29")).ok(201)
                    .get("id").asLong();
            admin.post("/api/v1/subnets", Map.of("space", "m", "prefix", "203.0.113.0/24")).ok(201);
            admin.post("/api/v1/subnets/" + s1 + "/allocations", Map.of("count", 2)).ok(201);

            Api.anonymous(server).get("/metrics").problem(401);
            Api agent = admin.withRole("metrics-agent", "agent");
            Api.Res r = agent.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("text/plain");
            String text = r.text();
            assertThat(text).contains("ipkeeper_subnet_size_addresses{space=\"m\",subnet=\"198.51.100.0/29\"} 6.0")
                    .contains("ipkeeper_subnet_allocated_addresses{space=\"m\",subnet=\"198.51.100.0/29\"} 2.0")
                    .contains("ipkeeper_subnet_free_addresses{space=\"m\",subnet=\"198.51.100.0/29\"} 4.0")
                    .doesNotContain("203.0.113.0/24") // over the cap of 1
                    .contains("ipkeeper_subnets_unreported 1.0")
                    .contains("ipkeeper_allocation_duration_seconds_bucket{outcome=\"allocated\"")
                    .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/subnets/{id}/allocations\",status=\"201\"} 1")
                    .contains("ipkeeper_webhook_backlog 0.0")
                    .contains("ipkeeper_webhook_deliveries_total{outcome=\"delivered\"}");
            // the 401 above is counted without inventing a route per path
            assertThat(Arrays.stream(text.split("\n")).filter(l -> l.startsWith("http_server_requests_seconds_count"))
                    .filter(l -> l.contains("987654"))).isEmpty();
        }
    }

    @Test
    void publicMetricsNeedNoToken() {
        try (IpkeeperServer server = Api.start(db, 2, o -> o.withMetrics(new MetricsOptions(true, 10)))) {
            Api.Res r = Api.anonymous(server).get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("ipkeeper_webhook_backlog");
        }
    }
}
