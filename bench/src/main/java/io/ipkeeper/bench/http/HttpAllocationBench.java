package io.ipkeeper.bench.http;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

/**
 * HTTP allocation benchmark: an {@link IpkeeperServer} in this JVM on 127.0.0.1 over a fresh PostgreSQL database
 * (dropped at the end), {@code --clients} HTTP/1.1 keep-alive clients allocating one address per request, first all
 * in one subnet, then spread over as many subnets as clients. Each HTTP phase is bracketed by the same load on the
 * IPAM engine directly (the {@code ipam-allocation} benchmark's call, {@code Allocator.allocate}), with a connection
 * pool of the same size, and the HTTP rate is divided by the mean of the two: the ratio is what the HTTP layer (JSON,
 * authentication, the webhook outbox row, Jetty) costs on top of the engine. IPv6 /64s so that no phase can run out
 * of addresses. See {@link HttpBenchOptions} for the command line.
 */
public final class HttpAllocationBench {

    public static void main(String[] args) throws Exception {
        HttpBenchOptions o;
        try {
            o = HttpBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String name = "ipk_httpbench_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(o.adminUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = o.adminUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        ComparisonTable table = new ComparisonTable();
        String adminToken = "ipk_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        try (IpkeeperServer server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, url, null, null, o.pool())
                .withBootstrapToken(adminToken));
             Database engineDb = Database.open(url, null, null, o.pool())) {
            Ipam engine = Ipam.create(engineDb, IpamConfig.defaults(), Clock.systemUTC(), null);
            HttpAllocator admin = new HttpAllocator(server.url(), adminToken);
            admin.createSpace("bench");
            String service = admin.createServiceToken("bench-svc", "bench");
            long space = engine.spaces().list().getFirst().id();
            System.out.printf(Locale.ROOT, "# HTTP allocation benchmark: PostgreSQL, %d cores, %d clients, %d s per phase,"
                            + " pool %d; load average %s%n", Runtime.getRuntime().availableProcessors(), o.clients(),
                    o.seconds(), o.pool(), loadAverage());
            LoadRun load = new LoadRun(o.clients(), o.seconds());
            HttpAllocator[] clients = new HttpAllocator[o.clients()];
            for (int c = 0; c < clients.length; c++) {
                clients[c] = new HttpAllocator(server.url(), service);
            }

            long httpOne = admin.createSubnet("bench", "2001:db8:100::/64");
            long engineOne = engine.subnets().create("bench", SubnetSpec.of(space, "2001:db8:200::/64")).id();
            table.compare("one subnet",
                    () -> load.run(c -> allocate(engine, engineOne)),
                    () -> load.run(c -> clients[c].allocate(httpOne)));

            long[] httpMany = new long[o.clients()];
            long[] engineMany = new long[o.clients()];
            for (int k = 0; k < o.clients(); k++) {
                httpMany[k] = admin.createSubnet("bench", String.format(Locale.ROOT, "2001:db8:300:%x::/64", k));
                engineMany[k] = engine.subnets().create("bench",
                        SubnetSpec.of(space, String.format(Locale.ROOT, "2001:db8:400:%x::/64", k))).id();
            }
            table.compare(o.clients() + " subnets",
                    () -> load.run(c -> allocate(engine, engineMany[c % engineMany.length])),
                    () -> load.run(c -> clients[c].allocate(httpMany[c % httpMany.length])));
        } finally {
            try (Connection c = DriverManager.getConnection(o.adminUrl()); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        table.print();
        System.out.println("load average at the end: " + loadAverage());
    }

    private static int allocate(Ipam engine, long subnet) {
        engine.allocator().allocate("bench", AllocationRequest.nextFree(subnet));
        return 201;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
