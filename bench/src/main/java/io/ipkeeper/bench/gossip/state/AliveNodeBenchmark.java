package io.ipkeeper.bench.gossip.state;

import io.ipkeeper.gossip.internal.state.Membership;
import io.ipkeeper.gossip.internal.wire.Alive;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code aliveNode} on a table of 10,000 nodes: {@code accepted} delivers a newer alive each time (lookup, update,
 * broadcast effect), {@code staleReplay} replays an old one (lookup and reject: the path a storm mostly hits).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AliveNodeBenchmark {
    private static final int NODES = 10_000;
    private static final byte[] VSN = {1, 5, 2, 2, 5, 5};

    private Membership membership;
    private String[] names;
    private byte[][] addrs;
    private long[] incarnations;
    private Alive[] stale;
    private int next;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        membership = Membership.builder("bench").random(new SplittableRandom(1)).effects(e -> sink.consume(e)).build();
        names = new String[NODES];
        addrs = new byte[NODES][];
        incarnations = new long[NODES];
        stale = new Alive[NODES];
        for (int i = 0; i < NODES; i++) {
            names[i] = "node-" + i;
            addrs[i] = new byte[] {10, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
            incarnations[i] = 1;
            stale[i] = new Alive(1, names[i], addrs[i], 7946, null, VSN);
            membership.aliveNode(stale[i], false, 0L);
        }
    }

    @Benchmark
    public void accepted() {
        int i = next++ % NODES;
        if (next == NODES) {
            next = 0;
        }
        membership.aliveNode(new Alive(++incarnations[i], names[i], addrs[i], 7946, null, VSN), false, 0L);
    }

    @Benchmark
    public void staleReplay() {
        int i = next++ % NODES;
        if (next == NODES) {
            next = 0;
        }
        membership.aliveNode(stale[i], false, 0L);
    }
}
