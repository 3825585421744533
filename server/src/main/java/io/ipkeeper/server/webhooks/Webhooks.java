package io.ipkeeper.server.webhooks;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.db.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks of one server: the outbox listener on the IPAM core, the subscription store, and one loop (a virtual
 * thread) that runs threshold checks and sends due deliveries. It sleeps until a local change wakes it or the poll
 * interval passes. Every server runs one; the database decides who sends what.
 */
public final class Webhooks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final Database database;
    private final WebhookOptions options;
    private final Subscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final ThresholdWatch thresholds;
    private final Semaphore wakeups = new Semaphore(0);
    private final Thread loop;
    private volatile boolean running = true;

    private Webhooks(Ipam ipam, Database database, InstantSource clock, WebhookOptions options) {
        this.database = database;
        this.options = options;
        this.subscriptions = new Subscriptions(database.jdbi(), clock);
        this.dispatcher = new WebhookDispatcher(database.jdbi(), clock, options);
        this.thresholds = new ThresholdWatch(database.jdbi(), ipam.subnets(), clock, this::wake);
        ipam.onChange(new OutboxListener(thresholds, this::wake));
        this.loop = Thread.ofVirtual().name("ipkeeper-webhooks").unstarted(this::run);
    }

    /** Registers the outbox listener on {@code ipam} and starts delivering. */
    public static Webhooks start(Ipam ipam, Database database, InstantSource clock, WebhookOptions options) {
        Webhooks w = new Webhooks(ipam, database, clock, options);
        w.loop.start();
        return w;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    private void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void run() {
        while (running) {
            try {
                thresholds.checkPending();
                while (running && dispatcher.deliverDue() >= options.batchSize()) {
                    thresholds.checkPending(); // a long backlog must not starve threshold checks
                }
            } catch (RuntimeException e) {
                log.warn("webhook delivery round failed (retried in {}): {}", options.pollInterval(), e.toString());
            }
            try {
                if (wakeups.tryAcquire(options.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Undelivered events of every subscription and the age of the oldest, for metrics. */
    /**
     * Queues an event for every subscriber of {@code type}, inside the caller's transaction (the transactional outbox:
     * it is delivered if and only if the caller commits). For changes that do not go through the IPAM change hook,
     * such as conflicts.
     */
    public static int publish(org.jdbi.v3.core.Handle h, EventType type, Instant at, String actor, Map<String, Object> data) {
        return Outbox.enqueue(h, type, at, actor, data);
    }

    public record Backlog(long pending, Instant oldest) {}

    public Backlog backlog() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM webhook_delivery")
                .map((rs, ctx) -> new Backlog(rs.getLong(1), io.ipkeeper.ipam.internal.Rows.instant(rs, "oldest")))
                .one());
    }

    /** Deliveries this server got a 2xx for. */
    public long delivered() {
        return dispatcher.delivered();
    }

    /** Failed delivery attempts of this server (each is retried). */
    public long failedAttempts() {
        return dispatcher.failedAttempts();
    }

    /** Stops the loop; deliveries claimed but unsent come due again on any server when their lease ends. */
    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher.close();
    }
}
