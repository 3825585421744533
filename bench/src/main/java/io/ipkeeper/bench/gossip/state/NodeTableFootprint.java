package io.ipkeeper.bench.gossip.state;

import io.ipkeeper.gossip.internal.state.Membership;
import io.ipkeeper.gossip.internal.wire.Alive;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Heap bytes per node-table entry, the way the simulator holds them: many {@link Membership} instances (one per
 * simulated node) each knowing the same 10,000 nodes, filled through {@code aliveNode} with <i>shared</i> alive records
 * (the simulator passes decoded messages between nodes, so names, addresses, meta and Vsn arrays are shared).
 *
 * <p>Method: build the shared messages, force GC, read used heap; fill {@code tables} memberships of {@code entries}
 * nodes each; force GC, read used heap; divide by tables × entries. Several rounds, median reported. Shared data is
 * outside the measurement; the per-Membership fixed overhead is inside it (amortised over 10,000 entries).
 *
 * <p>{@code java -cp ipkeeper-bench.jar io.ipkeeper.bench.gossip.state.NodeTableFootprint [tables] [entries] [rounds]}
 */
public final class NodeTableFootprint {

    private NodeTableFootprint() {}

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        byte[] vsn = {1, 5, 2, 2, 5, 5};
        byte[] meta = {(byte) 0xFF, (byte) 0x81, (byte) 0xA4, 'r', 'o', 'l', 'e', (byte) 0xA5, 'a', 'g', 'e', 'n', 't'};
        Alive[] shared = new Alive[entries];
        for (int i = 0; i < entries; i++) {
            byte[] addr = {10, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
            shared[i] = new Alive(1, ("node-" + i).intern(), addr, 7946, meta, vsn);
        }
        double[] perEntry = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long before = usedAfterGc();
            List<Membership> held = new ArrayList<>(tables);
            for (int t = 0; t < tables; t++) {
                Membership m = Membership.builder("node-" + t).random(new SplittableRandom(t)).effects(e -> {}).build();
                for (Alive a : shared) {
                    m.aliveNode(a, false, 0L);
                }
                held.add(m);
            }
            long after = usedAfterGc();
            perEntry[r] = (after - before) / (double) ((long) tables * entries);
            System.out.printf("round %d: %.1f bytes/entry (%d tables x %d entries, %.1f MiB)%n", r + 1, perEntry[r],
                    tables, entries, (after - before) / 1048576.0);
            if (held.size() != tables) {
                throw new AssertionError(); // keeps the tables reachable until after the measurement
            }
        }
        Arrays.sort(perEntry);
        System.out.printf("median: %.1f bytes per node-table entry (JVM %s, %s)%n", perEntry[rounds / 2],
                Runtime.version(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static long usedAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long used = mem.getHeapMemoryUsage().getUsed();
            if (used >= last) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }
}
