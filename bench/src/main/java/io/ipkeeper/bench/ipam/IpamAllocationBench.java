package io.ipkeeper.bench.ipam;

import io.ipkeeper.bench.ipam.BenchOptions.Part;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;

/**
 * IPAM allocation benchmark on PostgreSQL (a fresh database on the server of {@code --url}, dropped at the end).
 * Prints each line as it is measured, then a report table (goal, measured, ratio, pass/fail). See {@link BenchOptions}
 * for the command line.
 *
 * <ol>
 *   <li>{@code lookup}: latency of the next-free lookup alone ({@code Allocator.available(subnet, owner, 1)}, the
 *       REST API's {@code GET .../available?limit=1}) in a /8 and a /64 each holding N allocations, fragmented (every
 *       other address taken, so the free-space index holds N one-address extents);</li>
 *   <li>{@code allocate}: latency of a whole {@code allocate()} there (lock, seek, insert, audit, synchronous commit);</li>
 *   <li>{@code one-subnet}, {@code many-subnets}: allocations/s of 64 clients in one /16 and spread over 64 /16s,
 *       each divided by the rate of 64 clients doing a plain single-row INSERT + COMMIT, measured just before and just
 *       after (the mean of the two is the baseline, so load drift on a shared machine hits both sides).</li>
 * </ol>
 * Round trips are counted at the JDBC level ({@link RoundTripCounter}).
 */
public final class IpamAllocationBench {

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String name = "ipk_bench_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(o.adminUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = o.adminUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        RoundTripCounter trips = new RoundTripCounter();
        BenchReport report = new BenchReport();
        // one connection per client (and a few spare), for the baseline as much as for the allocator
        try (Database db = Database.open(url, null, null, o.clients() + 4, trips::wrap)) {
            IpamConfig config = o.batches() > 0 ? IpamConfig.defaults().withMaxConcurrentBatches(o.batches()) : IpamConfig.defaults();
            Ipam ipam = Ipam.create(db, config, Clock.systemUTC(), null);
            long space = ipam.spaces().create("bench", "bench", null).id();
            System.out.printf(Locale.ROOT, "# IPAM allocation benchmark: PostgreSQL %s, %d cores, %,d allocations per big subnet,"
                            + " %d clients, %d s per throughput phase, %d concurrent batches; load average %s%n", version(db),
                    Runtime.getRuntime().availableProcessors(), o.allocations(), o.clients(), o.seconds(),
                    config.maxConcurrentBatches(), loadAverage());
            LatencyPhases latency = new LatencyPhases(db, ipam, trips, report, o);
            if (o.parts().contains(Part.LOOKUP) || o.parts().contains(Part.ALLOCATE)) {
                Subnet v4 = ipam.subnets().create("bench", SubnetSpec.of(space, "10.0.0.0/8"));
                latency.load(space, v4, BulkLoad.V4);
                Subnet v6 = ipam.subnets().create("bench", SubnetSpec.of(space, "2001:db8:0:1::/64"));
                latency.load(space, v6, BulkLoad.V6);
                if (o.parts().contains(Part.LOOKUP)) {
                    latency.lookup(v4, "/8");
                    latency.lookup(v6, "/64");
                }
                if (o.parts().contains(Part.ALLOCATE)) {
                    for (Strategy s : Strategy.values()) {
                        latency.allocate(v4, "/8", s);
                        latency.allocate(v6, "/64", s);
                    }
                }
            }
            ThroughputPhases tp = new ThroughputPhases(db, trips, o.clients(), o.seconds(), o.warmup(), new CpuMeter(name));
            if (o.parts().contains(Part.ONE_SUBNET)) {
                Subnet hot = ipam.subnets().create("bench", SubnetSpec.of(space, "11.0.0.0/16"));
                double before = tp.plainInserts(report);
                // at most 60,000 of the /16's 65,534 addresses: the phase must never run into exhaustion
                // warm-up on a /15 (the same code, 131,070 addresses: about 10 s on a quiet machine), so that the /16
                // is all the measurement's
                Subnet warm = ipam.subnets().create("bench", SubnetSpec.of(space, "198.18.0.0/15"));
                ThroughputPhases.Rate r = tp.run((client, i) -> ipam.allocator().allocate("c", AllocationRequest.nextFree(warm.id())),
                        (client, i) -> ipam.allocator().allocate("c", AllocationRequest.nextFree(hot.id())), 60_000);
                double after = tp.plainInserts(report);
                report.ratio(o.clients() + " clients allocating in one /16", r, (before + after) / 2, 0.5);
            }
            if (o.parts().contains(Part.MANY_SUBNETS)) {
                long[] subnets = new long[o.clients()];
                for (int k = 0; k < subnets.length; k++) {
                    subnets[k] = ipam.subnets().create("bench", SubnetSpec.of(space, "12." + k + ".0.0/16")).id();
                }
                double before = tp.plainInserts(report);
                ThroughputPhases.Rate r = tp.run((client, i) -> ipam.allocator().allocate("c",
                        AllocationRequest.nextFree(subnets[client % subnets.length])));
                double after = tp.plainInserts(report);
                report.ratio(o.clients() + " clients over " + subnets.length + " subnets", r, (before + after) / 2, 0.7);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(o.adminUrl()); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        report.print();
        System.out.println("load average at the end: " + loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String version(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SHOW server_version").mapTo(String.class).one());
    }
}
