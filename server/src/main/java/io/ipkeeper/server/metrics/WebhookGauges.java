package io.ipkeeper.server.metrics;

import io.ipkeeper.server.webhooks.Webhooks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ipkeeper_webhook_backlog} (undelivered events, all servers), {@code ipkeeper_webhook_oldest_pending_seconds}
 * (age of the oldest, 0 when none) and {@code ipkeeper_webhook_deliveries_total{outcome=delivered|failed}} (attempts
 * of this server).
 */
final class WebhookGauges {
    private final Webhooks webhooks;
    private final InstantSource clock;
    private final AtomicReference<Webhooks.Backlog> last = new AtomicReference<>(new Webhooks.Backlog(0, null));

    WebhookGauges(MeterRegistry registry, Webhooks webhooks, InstantSource clock) {
        this.webhooks = webhooks;
        this.clock = clock;
        Gauge.builder("ipkeeper.webhook.backlog", last, b -> b.get().pending())
                .description("Webhook deliveries not yet acknowledged by their receivers (all servers)").register(registry);
        Gauge.builder("ipkeeper.webhook.oldest.pending", last, this::oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest undelivered webhook event; 0 when there is none").register(registry);
        FunctionCounter.builder("ipkeeper.webhook.deliveries", webhooks, Webhooks::delivered).tag("outcome", "delivered")
                .description("Webhook delivery attempts of this server by outcome").register(registry);
        FunctionCounter.builder("ipkeeper.webhook.deliveries", webhooks, Webhooks::failedAttempts).tag("outcome", "failed")
                .description("Webhook delivery attempts of this server by outcome").register(registry);
    }

    private double oldestAgeSeconds(AtomicReference<Webhooks.Backlog> b) {
        var oldest = b.get().oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Re-reads the backlog; call before each scrape. */
    void refresh() {
        last.set(webhooks.backlog());
    }
}
