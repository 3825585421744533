package io.ipkeeper.agent.inventory;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest snapshot and tells a listener what changed. {@link #poll()} re-reads now; {@link #start} also does
 * it every interval on the given scheduler (tests call {@code poll()} themselves instead of waiting). A failed read is
 * logged and the previous snapshot kept; one bad read must not look like every interface vanished.
 */
public final class InventoryWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InventoryWatcher.class);

    private final InventoryReader reader;
    private final InventoryListener listener;
    private volatile HostInventory current;
    private volatile ScheduledFuture<?> schedule;

    /** Reads the first snapshot now, so {@link #current()} is valid from the start; that read's failure is thrown. */
    public InventoryWatcher(InventoryReader reader, InventoryListener listener) throws IOException {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.current = reader.read();
    }

    public HostInventory current() {
        return current;
    }

    /** Re-reads; when anything changed, updates {@link #current()} and tells the listener. Returns the diff. */
    public synchronized InventoryDiff poll() {
        HostInventory before = current;
        HostInventory after;
        try {
            after = reader.read();
        } catch (IOException | RuntimeException e) {
            log.warn("cannot re-read the host inventory, keeping the previous snapshot: {}", e.toString());
            return new InventoryDiff(java.util.List.of(), java.util.List.of(), java.util.List.of());
        }
        InventoryDiff diff = InventoryDiff.between(before, after);
        if (!diff.isEmpty()) {
            current = after;
            listener.changed(before, after, diff);
        }
        return diff;
    }

    /** Polls every {@code interval} on {@code scheduler} until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration interval) {
        if (schedule != null) {
            throw new IllegalStateException("the inventory watcher is already started");
        }
        long millis = interval.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms, not " + interval);
        }
        schedule = scheduler.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A throwing listener must not cancel the schedule (a ScheduledExecutorService stops on the first throw).
            log.error("inventory listener failed", e);
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }
}
