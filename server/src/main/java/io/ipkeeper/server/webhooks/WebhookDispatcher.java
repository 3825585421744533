package io.ipkeeper.server.webhooks;

import io.ipkeeper.ipam.internal.Rows;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows. A round claims up to {@code batchSize} due rows in one short transaction ({@code SELECT ...
 * FOR UPDATE SKIP LOCKED}, so servers polling at once take disjoint rows without waiting for each other) and moves
 * them one lease ahead, so no other server sees them while they are sent. Sending happens outside any transaction,
 * in parallel; then each row is deleted (2xx) or rescheduled with backoff. A server that dies mid-send leaves its
 * rows to come due again when the lease ends: delivery is at least once.
 */
final class WebhookDispatcher {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Jdbi jdbi;
    private final InstantSource clock;
    private final WebhookOptions options;
    private final WebhookSender sender;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    WebhookDispatcher(Jdbi jdbi, InstantSource clock, WebhookOptions options) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.options = options;
        this.sender = new WebhookSender(clock, options.requestTimeout());
    }

    /** Sends one batch of due deliveries; returns how many were claimed (a full batch: call again). */
    int deliverDue() {
        List<Delivery> claimed = claim();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<Optional<String>>> results = new ArrayList<>();
        for (Delivery d : claimed) {
            results.add(sending.submit(() -> sender.send(d)));
        }
        for (int i = 0; i < claimed.size(); i++) {
            Optional<String> error;
            try {
                error = results.get(i).get();
            } catch (Exception e) {
                error = Optional.of(e.toString());
            }
            settle(claimed.get(i), error);
        }
        return claimed.size();
    }

    private List<Delivery> claim() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<Delivery> rows = h.createQuery("SELECT id, subscription_id, event_id, event_type, payload, attempts"
                            + " FROM webhook_delivery WHERE next_attempt_at <= :now ORDER BY next_attempt_at, id"
                            + " LIMIT :n FOR UPDATE SKIP LOCKED")
                    .bind("now", Rows.ts(now)).bind("n", options.batchSize())
                    .map((rs, ctx) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6) + 1, null, null)).list();
            if (rows.isEmpty()) {
                return rows;
            }
            h.createUpdate("UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = :lease"
                            + " WHERE id IN (<ids>)")
                    .bind("lease", Rows.ts(now.plus(options.lease()))).bindList("ids", rows.stream().map(Delivery::id).toList())
                    .execute();
            Map<Long, String[]> targets = new HashMap<>();
            h.createQuery("SELECT id, url, secret FROM webhook_subscription WHERE id IN (<ids>)")
                    .bindList("ids", rows.stream().map(Delivery::subscriptionId).distinct().toList())
                    .map((rs, ctx) -> targets.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})).list();
            List<Delivery> out = new ArrayList<>();
            for (Delivery d : rows) {
                String[] t = targets.get(d.subscriptionId());
                if (t != null) { // the FK cascade removes rows of deleted subscriptions; this is belt and braces
                    out.add(new Delivery(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.payload(),
                            d.attempts(), t[0], t[1]));
                }
            }
            return out;
        });
    }

    private void settle(Delivery d, Optional<String> error) {
        if (error.isEmpty()) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM webhook_delivery WHERE id = :id").bind("id", d.id()).execute());
            delivered.incrementAndGet();
            return;
        }
        failed.incrementAndGet();
        Instant next = clock.instant().plus(options.backoff(d.attempts()));
        String why = error.get().length() > 500 ? error.get().substring(0, 500) : error.get();
        log.info("webhook delivery {} ({}) to {} failed (attempt {}): {}; retrying at {}", d.deliveryId(),
                d.eventType(), d.url(), d.attempts(), why, next);
        jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_delivery SET next_attempt_at = :next, last_error = :e"
                + " WHERE id = :id").bind("next", Rows.ts(next)).bind("e", why).bind("id", d.id()).execute());
    }

    /** Deliveries answered 2xx by this server since it started. */
    long delivered() {
        return delivered.get();
    }

    /** Failed attempts (each is retried) by this server since it started. */
    long failedAttempts() {
        return failed.get();
    }

    void close() {
        sending.shutdownNow();
    }
}
