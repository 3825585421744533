package io.ipkeeper.bench.gossip.detection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gossip-detection}: failure detection of Go memberlist 0.2.2 and of {@code ipkeeper gossip}, side by side in
 * one run. Two clusters of five processes on 127.0.0.1 run at the same time; kills alternate between them. Each kill
 * is a {@code kill -9} of one node, timed until every survivor prints a {@code leave} event with state {@code dead}
 * about it; the node is then restarted under its name and port and the cluster left to become whole and quiet before
 * the next kill. The report adds false positives (reports about nodes that were not killed), CPU and RSS per node.
 *
 * <p>Run from the repository root: {@code java -jar bench/target/ipkeeper-bench.jar gossip-detection [--kills N]
 * [--profile lan|local] [--jar PATH]}. Prints progress to stderr and the report (Markdown) to stdout.
 */
public final class FailureDetectionBench {
    private static final int NODES = 5;
    private static final long SECOND = 1_000_000_000L;
    /** Longer than LAN's longest suspicion (6 × 4 s) plus gossip: a kill not reported by then counts as missed. */
    private static final long DETECT_TIMEOUT = 60 * SECOND;
    /** How long a cluster must look whole with no membership event before the next kill. */
    private static final long QUIET = 3 * SECOND;

    private FailureDetectionBench() {}

    public static void main(String[] args) throws Exception {
        DetectionOptions options;
        try {
            options = DetectionOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("no " + options.jar() + ": build it with ./mvnw -B -ntp -o -q -pl cli -am package "
                    + "-Dmaven.test.skip=true (or pass --jar)");
            System.exit(2);
        }
        Path goPeer = options.goPeer() != null ? options.goPeer() : GoPeerBinary.locate();
        Path logDir = Files.createTempDirectory("gossip-detection-");
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        String logConfig = "-Dlogback.configurationFile=" + writeLogConfig(logDir);

        List<String> javaFlags = new ArrayList<>(options.jvmFlags());
        javaFlags.add(logConfig);
        int[] ports = freePorts(2 * NODES + 1);
        Cluster go = new Cluster(NodeLauncher.go(goPeer, options.profile()), "go", NODES, slice(ports, 0), logDir);
        Cluster java = new Cluster(NodeLauncher.java("Java", javaBinary, javaFlags, options.jar(), options.profile()),
                "java", NODES, slice(ports, NODES), logDir);
        List<NodeProcess> extra = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            go.destroyAll();
            java.destroyAll();
            extra.forEach(NodeProcess::destroy);
        }));

        try {
            System.err.printf("logs in %s; starting 2 × %d nodes (%s profile)%n", logDir, NODES, options.profile());
            Instant startedAt = Instant.now();
            go.start();
            java.start();
            for (Cluster c : List.of(go, java)) {
                if (!c.awaitWholeAndQuiet(QUIET, 120 * SECOND)) {
                    throw new IllegalStateException(c.label() + " cluster never became whole; logs in " + logDir);
                }
            }
            ResourceSampler sampler = new ResourceSampler(List.of(go, java));
            long runStart = System.nanoTime();
            for (int i = 0; i < 2 * options.kills(); i++) {
                Cluster c = i % 2 == 0 ? go : java;
                String victim = c.names().stream().toList().get((i / 2) % NODES);
                c.awaitWholeAndQuiet(QUIET, 60 * SECOND);
                Cluster.KillWindow w = c.killAndRestore(victim, DETECT_TIMEOUT, QUIET);
                System.err.printf("kill %2d/%d %-4s %-7s dead everywhere after %s; whole again after %.1f s; load %.1f%n",
                        i + 1, 2 * options.kills(), c.label(), victim,
                        w.detectionNanos() < 0 ? "TIMEOUT" : String.format("%.2f s", w.detectionNanos() / 1e9),
                        (w.endedAt() - w.killedAt()) / 1e9, ResourceSampler.loadAverage());
            }
            long killPhaseNanos = System.nanoTime() - runStart;

            System.err.printf("idle window: %d s%n", options.idleSeconds());
            Idle goIdle = new Idle(go);
            Idle javaIdle = new Idle(java);
            Thread.sleep(options.idleSeconds() * 1000L);
            goIdle.finish();
            javaIdle.finish();
            sampler.stop();
            for (Cluster c : List.of(go, java)) {
                c.running().forEach(NodeProcess::sample);
            }
            FalseReports goFalse = FalseReports.scan(go);
            FalseReports javaFalse = FalseReports.scan(java);

            DefaultsNode defaults = null;
            if (options.defaultsSeconds() > 0) {
                System.err.printf("one Java node with JVM defaults for %d s%n", options.defaultsSeconds());
                NodeLauncher plain = NodeLauncher.java("Java (JVM defaults)", javaBinary, List.of(logConfig),
                        options.jar(), options.profile());
                defaults = DefaultsNode.run(plain, ports[2 * NODES], java, options.defaultsSeconds(), logDir, extra);
            }

            new DetectionReport(options, javaFlags.subList(0, options.jvmFlags().size()), startedAt, killPhaseNanos,
                    go, java, goFalse, javaFalse, goIdle, javaIdle, sampler, defaults).print(System.out);
            System.err.println("logs in " + logDir);
        } finally {
            go.destroyAll();
            java.destroyAll();
            extra.forEach(NodeProcess::destroy);
        }
    }

    /** CPU used by each running node over the idle window, and RSS at its end. */
    static final class Idle {
        private final Cluster cluster;
        private final Map<Long, Double> cpuAtStart = new ConcurrentHashMap<>();
        private final long startNanos = System.nanoTime();
        double cpuMillisPerSecondPerNode;
        double rssMibPerNode;

        Idle(Cluster cluster) {
            this.cluster = cluster;
            for (NodeProcess p : cluster.running()) {
                ProcStats s = p.sample();
                if (s != null) {
                    cpuAtStart.put(p.pid(), s.cpuSeconds());
                }
            }
        }

        void finish() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpu = 0;
            long rss = 0;
            int n = 0;
            for (NodeProcess p : cluster.running()) {
                ProcStats s = p.sample();
                Double before = cpuAtStart.get(p.pid());
                if (s != null && before != null) {
                    cpu += s.cpuSeconds() - before;
                    rss += s.rssKib();
                    n++;
                }
            }
            cpuMillisPerSecondPerNode = n == 0 ? Double.NaN : cpu * 1000 / seconds / n;
            rssMibPerNode = n == 0 ? Double.NaN : rss / 1024.0 / n;
        }
    }

    /** One more Java node, JVM defaults, joined to the Java cluster: its RSS and idle CPU, for comparison. */
    record DefaultsNode(double rssMib, double cpuMillisPerSecond) {
        static DefaultsNode run(NodeLauncher launcher, int port, Cluster join, int seconds, Path logDir,
                List<NodeProcess> cleanup) throws InterruptedException {
            NodeProcess p = NodeProcess.start("java-defaults", port,
                    launcher.command("java-defaults", port, join.running().stream().map(NodeProcess::address).toList()),
                    logDir);
            cleanup.add(p);
            long end = System.nanoTime() + seconds * SECOND;
            Thread.sleep(Math.min(10, seconds / 3) * 1000L); // past start-up, so the CPU figure is the idle one
            ProcStats first = p.sample();
            long from = System.nanoTime();
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            ProcStats last = p.sample();
            p.destroy();
            if (first == null || last == null) {
                return new DefaultsNode(Double.NaN, Double.NaN);
            }
            double window = (System.nanoTime() - from) / 1e9;
            return new DefaultsNode(last.rssKib() / 1024.0, (last.cpuSeconds() - first.cpuSeconds()) * 1000 / window);
        }
    }

    /** Makes ipkeeper log the same "suspect X has failed, no acks received" line memberlist logs at INFO. */
    private static Path writeLogConfig(Path dir) throws java.io.IOException {
        Path file = dir.resolve("logback-suspicions.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="io.ipkeeper.gossip.internal.protocol.ProbeRound" level="DEBUG"/>
                  <root level="INFO"><appender-ref ref="STDERR"/></root>
                </configuration>
                """);
        return file;
    }

    /** Loopback ports free for TCP and UDP, below the ephemeral range (as the testkit's FreePorts). */
    private static int[] freePorts(int count) {
        Set<Integer> chosen = new HashSet<>();
        java.util.Random random = new java.util.Random();
        while (chosen.size() < count) {
            int port = 20_000 + random.nextInt(12_000);
            if (!chosen.contains(port) && isFree(port)) {
                chosen.add(port);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isFree(int port) {
        java.net.InetAddress lo = java.net.InetAddress.getLoopbackAddress();
        try (java.net.ServerSocket tcp = new java.net.ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new java.net.InetSocketAddress(lo, port));
            try (java.net.DatagramSocket udp = new java.net.DatagramSocket(new java.net.InetSocketAddress(lo, port))) {
                return udp.isBound();
            }
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int[] slice(int[] ports, int from) {
        return java.util.Arrays.copyOfRange(ports, from, from + NODES);
    }
}
