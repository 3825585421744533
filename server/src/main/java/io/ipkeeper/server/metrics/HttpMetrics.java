package io.ipkeeper.server.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code http_server_requests_seconds{method, route, status}}: one timer per route template (e.g.
 * {@code /api/v1/allocations/{id}}), never per concrete path, so ids and unknown paths cannot grow the series.
 */
public final class HttpMetrics {
    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For Javalin's request logger: called once per request with its handling time. */
    public void record(Context ctx, Float millis) {
        Timer.builder("http.server.requests").description("HTTP requests by route template and status")
                .tag("method", ctx.method().name()).tag("route", route(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(registry).record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    private static String route(Context ctx) {
        if (ctx.statusCode() == 404 || ctx.statusCode() == 405) {
            return "unmatched"; // scanners must not create one series per probed path
        }
        try {
            var e = ctx.endpoints().lastHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
