package io.ipkeeper.server.metrics;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.webhooks.Webhooks;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;

/**
 * The server's Prometheus metrics and {@code GET /metrics}. Served on the API port: with a token of any role by
 * default, or to anyone with {@code metrics.public=true} (then keep the port away from untrusted networks, or put
 * the path behind the load balancer's own rule). Database-backed values are read when scraped.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsOptions options;
    private final HttpMetrics http = new HttpMetrics(registry);
    private final AllocationTiming allocations = new AllocationTiming(registry);
    private final SubnetGauges subnets;
    private final WebhookGauges webhooks;
    private final ConflictGauges conflicts;

    public Metrics(MetricsOptions options, Database database, Webhooks webhooks, InstantSource clock) {
        this.options = options;
        this.subnets = new SubnetGauges(registry, database.jdbi(), options.subnetLimit());
        this.webhooks = new WebhookGauges(registry, webhooks, clock);
        this.conflicts = new ConflictGauges(registry, database.jdbi());
    }

    /** Times every HTTP request (Javalin's request logger sees each one once, errors included). */
    public void instrument(JavalinConfig config) {
        config.requestLogger.http(http::record);
    }

    public AllocationTiming allocations() {
        return allocations;
    }

    /** Registers {@code GET /metrics} (in {@code api}'s list, so the role matrix and OpenAPI document cover it). */
    public void register(ApiRoutes api, JavalinConfig config) {
        if (options.publicEndpoint()) {
            api.open("GET", "/metrics").summary("metrics", "Prometheus metrics (metrics.public: no token needed)")
                    .returns(200, "Metrics");
            config.routes.get("/metrics", this::scrape);
        } else {
            api.get("/metrics", Permission.READ_METRICS, this::scrape)
                    .summary("metrics", "Prometheus metrics (a token of any role)").returns(200, "Metrics");
        }
    }

    private void scrape(Context ctx) {
        subnets.refresh();
        webhooks.refresh();
        conflicts.refresh();
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
