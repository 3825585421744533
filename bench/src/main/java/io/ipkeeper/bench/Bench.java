package io.ipkeeper.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of {@code bench/target/ipkeeper-bench.jar}: {@code java -jar ipkeeper-bench.jar NAME [args…]} runs one
 * harness; {@code jmh [JMH options]} runs the JMH benchmarks (e.g. {@code jmh -f 1 -wi 2 -i 3 WireCodec}).
 * Harnesses register here by name; each prints its own report.
 */
public final class Bench {
    /** Harness name → main class. Add new harnesses here. */
    private static final Map<String, String> HARNESSES = new TreeMap<>(Map.of(
            "jmh", "org.openjdk.jmh.Main",
            "ipam-allocation", "io.ipkeeper.bench.ipam.IpamAllocationBench",
            "http-allocation", "io.ipkeeper.bench.http.HttpAllocationBench",
            "agent-ingest", "io.ipkeeper.bench.agents.AgentIngestBench",
            "agent-footprint", "io.ipkeeper.bench.agents.AgentFootprintBench",
            "agent-conflict-latency", "io.ipkeeper.bench.agents.ConflictLatencyBench",
            "gossip-node-table", "io.ipkeeper.bench.gossip.state.NodeTableFootprint",
            "gossip-detection", "io.ipkeeper.bench.gossip.detection.FailureDetectionBench",
            "gossip-pushpull", "io.ipkeeper.bench.gossip.pushpull.PushPullBandwidth"));

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !HARNESSES.containsKey(args[0])) {
            System.err.println("usage: java -jar ipkeeper-bench.jar NAME [args...]");
            System.err.println("harnesses: " + String.join(", ", HARNESSES.keySet()));
            System.exit(args.length == 0 ? 0 : 2);
        }
        Method main = Class.forName(HARNESSES.get(args[0])).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
