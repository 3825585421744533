package io.ipkeeper.agent.arp;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passive ARP watching: one reader thread per interface socket turns every ARP frame other stations send into an
 * {@link ArpObservation}, coalesced and batched (see {@link ArpWatchConfig}) and handed to the sink.
 *
 * <p>The sink is called from the watch's threads, one batch at a time; it should hand off quickly (a slow sink makes
 * the kernel drop frames once the socket buffer is full). {@link #close()} stops the readers, closes the sockets and
 * delivers what is still pending.
 */
public final class ArpWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArpWatch.class);
    /** Longest a reader waits for a frame before checking whether a batch is due. */
    private static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final List<ArpSocket> sockets;
    private final Consumer<List<ArpObservation>> sink;
    private final ObservationBatcher batcher;
    private final Duration wait;
    private final Object deliveryLock = new Object();
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean stopping;

    private ArpWatch(List<ArpSocket> sockets, ArpWatchConfig config, InstantSource clock, Consumer<List<ArpObservation>> sink) {
        this.sockets = List.copyOf(sockets);
        this.sink = sink;
        this.batcher = new ObservationBatcher(config, clock);
        this.wait = config.flushInterval().compareTo(MAX_WAIT) < 0 ? config.flushInterval() : MAX_WAIT;
    }

    /** Starts watching on {@code sockets}, which the watch now owns and closes. */
    public static ArpWatch start(List<? extends ArpSocket> sockets, ArpWatchConfig config, InstantSource clock,
            Consumer<List<ArpObservation>> sink) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sink, "sink");
        if (sockets.isEmpty()) {
            throw new IllegalArgumentException("an ARP watch needs at least one interface socket");
        }
        ArpWatch watch = new ArpWatch(List.copyOf(sockets), config, clock, sink);
        for (ArpSocket socket : watch.sockets) {
            Thread reader = Thread.ofPlatform().daemon().name("arp-watch-" + socket.interfaceName()).unstarted(() -> watch.read(socket));
            watch.readers.add(reader);
            reader.start();
        }
        return watch;
    }

    private void read(ArpSocket socket) {
        while (!stopping) {
            try {
                var frame = socket.receive(wait);
                List<ArpObservation> batch;
                synchronized (batcher) {
                    batch = frame.isPresent() ? batcher.offer(socket.interfaceName(), frame.get()) : List.of();
                    if (batch.isEmpty()) {
                        batch = batcher.drainIfDue();
                    }
                }
                deliver(batch);
            } catch (RawSocketException e) {
                if (!stopping) {
                    log.error("ARP watch on {} stopped: {}", socket.interfaceName(), e.getMessage());
                }
                return;
            } catch (RuntimeException e) {
                log.error("ARP watch on {}: batch delivery failed; continuing", socket.interfaceName(), e);
            }
        }
    }

    private void deliver(List<ArpObservation> batch) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (deliveryLock) {
            sink.accept(List.copyOf(batch));
        }
        delivered.addAndGet(batch.size());
        batches.incrementAndGet();
    }

    public ArpWatchStats stats() {
        long heard;
        long dropped;
        synchronized (batcher) {
            heard = batcher.framesHeard();
            dropped = batcher.framesDropped();
        }
        long malformed = sockets.stream().mapToLong(ArpSocket::malformedFrames).sum();
        return new ArpWatchStats(heard, dropped, delivered.get(), batches.get(), malformed);
    }

    @Override
    public void close() {
        stopping = true;
        sockets.forEach(ArpSocket::close);
        for (Thread reader : readers) {
            try {
                reader.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ArpObservation> rest;
        synchronized (batcher) {
            rest = batcher.drain();
        }
        deliver(rest);
    }
}
