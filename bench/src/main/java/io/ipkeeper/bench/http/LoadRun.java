package io.ipkeeper.bench.http;

import io.ipkeeper.bench.ipam.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * N client threads calling one operation in a loop for a fixed time after a one-second warm-up, recording each
 * call's latency and outcome (an HTTP status, or 0 for an exception). The HTTP and the engine-only phases run through
 * this same loop, so their numbers differ only by what the call does.
 */
final class LoadRun {

    /** One call; returns its outcome (HTTP status; the engine path returns 201 on success). */
    interface Call {
        int run(int client) throws Exception;
    }

    /** Calls per second in the measured window, latency percentiles and outcome counts over the same window. */
    record Result(double perSecond, Percentiles latency, Map<Integer, Long> outcomes) {}

    private final int clients;
    private final int seconds;

    LoadRun(int clients, int seconds) {
        this.clients = clients;
        this.seconds = seconds;
    }

    Result run(Call call) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(clients);
        List<Samples> perClient = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Samples mine = new Samples();
            perClient.add(mine);
            int client = c;
            Thread.ofPlatform().name("load-" + c).start(() -> {
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        int outcome;
                        try {
                            outcome = call.run(client);
                        } catch (Exception e) {
                            outcome = 0;
                            mine.error(e);
                        }
                        if (counting.get()) {
                            mine.add(System.nanoTime() - t0, outcome);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(1000);
        counting.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        counting.set(false);
        double secs = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        done.await();
        long[] all = perClient.stream().flatMapToLong(Samples::latencies).toArray();
        Map<Integer, Long> outcomes = new TreeMap<>();
        perClient.forEach(s -> s.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum)));
        perClient.stream().map(s -> s.firstError).filter(e -> e != null).findFirst()
                .ifPresent(e -> System.err.println("  first error: " + e));
        return new Result(all.length / secs, all.length == 0 ? null : Percentiles.of(all), outcomes);
    }

    /** One client's samples (owned by its thread until the run ends). */
    private static final class Samples {
        private long[] nanos = new long[4096];
        private int n;
        private final Map<Integer, Long> outcomes = new TreeMap<>();
        private volatile Exception firstError;

        void add(long latency, int outcome) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latency;
            outcomes.merge(outcome, 1L, Long::sum);
        }

        void error(Exception e) {
            if (firstError == null) {
                firstError = e;
            }
        }

        java.util.stream.LongStream latencies() {
            return Arrays.stream(nanos, 0, n);
        }
    }
}
