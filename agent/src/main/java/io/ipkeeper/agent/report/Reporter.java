package io.ipkeeper.agent.report;

import io.ipkeeper.agent.arp.ArpObservation;
import io.ipkeeper.agent.inventory.HostInventory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the host's latest inventory and the observations not yet reported, and sends them to the server: soon after
 * something new arrives (but at most once per {@link ReporterConfig#minGap()}), and at least every
 * {@link ReporterConfig#heartbeat()}. While the server is unreachable it retries with exponential backoff and keeps
 * observations (coalesced, bounded), so a server restart loses nothing but the overflow, which it counts.
 *
 * <p>All sending happens on {@code scheduler}, one report at a time; the public methods only record and schedule.
 */
public final class Reporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reporter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** The server refuses older ages; such evidence is stale anyway. */
    private static final long MAX_AGE_MILLIS = Duration.ofHours(24).toMillis();

    private record Key(String interfaceName, String address, String mac) {}

    private final ReportSender sender;
    private final ReporterConfig config;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final Map<Key, ArpObservation> pending = new LinkedHashMap<>();
    private HostInventory inventory;
    private boolean arpWatch;
    private ScheduledFuture<?> nextSend;
    private Instant nextSendAt;
    private Instant lastSendAt = Instant.EPOCH;
    private Duration backoff = FIRST_BACKOFF;
    private boolean closed;
    private long reportsSent;
    private long reportsFailed;
    private long reportsRejected;
    private long observationsSent;
    private long observationsDropped;
    private Instant lastSuccess;
    private String lastError;

    public Reporter(ReportSender sender, ReporterConfig config, InstantSource clock, ScheduledExecutorService scheduler) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Starts reporting {@code first}: sends it at once, then keeps the heartbeat. */
    public synchronized void start(HostInventory first, boolean watchingArp) {
        this.inventory = Objects.requireNonNull(first, "first");
        this.arpWatch = watchingArp;
        sendWithin(Duration.ZERO);
    }

    /** The host changed: report the new inventory soon. */
    public synchronized void inventory(HostInventory now) {
        this.inventory = Objects.requireNonNull(now, "now");
        sendSoon();
    }

    /** New observations from the ARP watch (called from its threads): report them soon. */
    public synchronized void observations(List<ArpObservation> batch) {
        for (ArpObservation o : batch) {
            Key k = new Key(o.interfaceName(), o.address().getHostAddress(), o.mac().toString());
            ArpObservation before = pending.remove(k);
            pending.put(k, before == null ? o : combine(before, o));
        }
        dropOverflow();
        sendSoon();
    }

    public synchronized ReporterStats stats() {
        return new ReporterStats(reportsSent, reportsFailed, reportsRejected, observationsSent, observationsDropped,
                pending.size(), lastSuccess, lastError);
    }

    /** Stops scheduling; a report in flight finishes. Observations still pending are not sent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (nextSend != null) {
            nextSend.cancel(false);
        }
    }

    private void sendSoon() {
        Instant earliest = lastSendAt.plus(config.minGap());
        Instant now = clock.instant();
        sendWithin(earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO);
    }

    /** Schedules the next send {@code delay} from now, unless one is already due sooner. */
    private void sendWithin(Duration delay) {
        if (closed || inventory == null) {
            return;
        }
        Instant at = clock.instant().plus(delay);
        if (nextSend != null && !nextSend.isDone() && !nextSendAt.isAfter(at)) {
            return;
        }
        if (nextSend != null) {
            nextSend.cancel(false);
        }
        nextSendAt = at;
        nextSend = scheduler.schedule(this::sendNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendNow() {
        List<ArpObservation> batch;
        Map<String, Object> body;
        synchronized (this) {
            if (closed) {
                return;
            }
            // This run is the scheduled send; forget it, so that rescheduling from inside this run is not mistaken
            // for "a send is already due sooner".
            nextSend = null;
            batch = takeBatch();
            body = ReportBody.of(config, inventory, arpWatch, batch, clock.instant(), MAX_AGE_MILLIS);
            lastSendAt = clock.instant();
        }
        try {
            sender.send(body);
            synchronized (this) {
                reportsSent++;
                observationsSent += batch.size();
                lastSuccess = clock.instant();
                if (lastError != null) {
                    log.info("reporting to the server again");
                }
                lastError = null;
                backoff = FIRST_BACKOFF;
                sendWithin(pending.isEmpty() ? config.heartbeat() : config.minGap());
            }
        } catch (ReportSender.ReportRejected e) {
            synchronized (this) {
                reportsRejected++;
                // A 401/403 is a token problem the operator must fix; a 422 means this batch can never be taken.
                boolean credentials = e.status() == 401 || e.status() == 403;
                if (credentials) {
                    putBack(batch);
                } else {
                    observationsDropped += batch.size();
                }
                failed(e.getMessage(), credentials ? config.maxBackoff() : config.minGap());
            }
        } catch (ReportSender.ReportFailed e) {
            synchronized (this) {
                reportsFailed++;
                putBack(batch);
                Duration wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
                failed(e.getMessage(), wait);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                reportsFailed++;
                putBack(batch);
                failed("unexpected failure: " + e, config.maxBackoff());
            }
        }
    }

    private void failed(String message, Duration retryIn) {
        if (!message.equals(lastError)) {
            log.warn("report not delivered (retrying in {} ms): {}", retryIn.toMillis(), message);
        }
        lastError = message;
        sendWithin(retryIn);
    }

    private List<ArpObservation> takeBatch() {
        List<ArpObservation> batch = new ArrayList<>();
        Iterator<ArpObservation> it = pending.values().iterator();
        while (it.hasNext() && batch.size() < ReporterConfig.MAX_PER_REPORT) {
            batch.add(it.next());
            it.remove();
        }
        return batch;
    }

    /** Unsent observations go back in front, merged with anything heard meanwhile. */
    private void putBack(List<ArpObservation> batch) {
        Map<Key, ArpObservation> merged = new LinkedHashMap<>();
        for (ArpObservation o : batch) {
            merged.put(new Key(o.interfaceName(), o.address().getHostAddress(), o.mac().toString()), o);
        }
        for (Map.Entry<Key, ArpObservation> e : pending.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), Reporter::combine);
        }
        pending.clear();
        pending.putAll(merged);
        dropOverflow();
    }

    private void dropOverflow() {
        Iterator<ArpObservation> it = pending.values().iterator();
        while (pending.size() > config.maxPending() && it.hasNext()) {
            it.next();
            it.remove();
            observationsDropped++;
        }
    }

    private static ArpObservation combine(ArpObservation earlier, ArpObservation later) {
        return new ArpObservation(earlier.address(), earlier.mac(), earlier.interfaceName(), later.kind(),
                earlier.firstSeen().isBefore(later.firstSeen()) ? earlier.firstSeen() : later.firstSeen(),
                earlier.lastSeen().isAfter(later.lastSeen()) ? earlier.lastSeen() : later.lastSeen(),
                earlier.count() + later.count());
    }
}
