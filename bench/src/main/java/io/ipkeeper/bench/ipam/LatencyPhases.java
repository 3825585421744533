package io.ipkeeper.bench.ipam;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.model.Subnet;
import java.util.Locale;

/** One client, one call at a time: p50/p99 of the lookup alone and of a whole allocate() with its commit. */
final class LatencyPhases {

    private static final int WARM_UP = 300;
    private static final double LATENCY_GOAL_MS = 1.0;

    private final Database db;
    private final Ipam ipam;
    private final RoundTripCounter trips;
    private final BenchReport report;
    private final BenchOptions o;

    LatencyPhases(Database db, Ipam ipam, RoundTripCounter trips, BenchReport report, BenchOptions o) {
        this.db = db;
        this.ipam = ipam;
        this.trips = trips;
        this.report = report;
        this.o = o;
    }

    void load(long space, Subnet s, BulkLoad kind) {
        long t0 = System.nanoTime();
        kind.load(db, space, s.id(), o.allocations());
        report.info("bulk load of " + s.prefix(), String.format(Locale.ROOT, "%,d allocations + %,d extents in %.1f s",
                o.allocations(), o.allocations(), (System.nanoTime() - t0) / 1e9));
    }

    void lookup(Subnet s, String size) {
        long t = trips.trips();
        Percentiles p = time(() -> ipam.allocator().available(s.id(), null, 1));
        report.latency(String.format(Locale.ROOT, "next-free lookup (available, limit 1), %s with %,d allocations, %.1f round trips",
                size, o.allocations(), perCall(t)), p, LATENCY_GOAL_MS);
    }

    void allocate(Subnet s, String size, Strategy strategy) {
        long t = trips.trips();
        Percentiles p = time(() -> ipam.allocator().allocate("bench", AllocationRequest.nextFree(s.id()).strategy(strategy)));
        String what = String.format(Locale.ROOT, "allocate() %s incl. commit, %s with %,d allocations, %.1f round trips",
                strategy.name().toLowerCase(Locale.ROOT), size, o.allocations(), perCall(t));
        report.latency(what, p, strategy == Strategy.LOWEST ? LATENCY_GOAL_MS : null);
    }

    private double perCall(long tripsBefore) {
        return (trips.trips() - tripsBefore) / (double) (WARM_UP + o.samples());
    }

    private Percentiles time(Runnable call) {
        long[] ns = new long[o.samples()];
        for (int i = 0; i < WARM_UP + ns.length; i++) {
            long t = System.nanoTime();
            call.run();
            if (i >= WARM_UP) {
                ns[i - WARM_UP] = System.nanoTime() - t;
            }
        }
        return Percentiles.of(ns);
    }
}
