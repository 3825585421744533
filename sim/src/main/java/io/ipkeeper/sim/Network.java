package io.ipkeeper.sim;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The modelled network between the simulated processes: latency, independent loss, partitions (node groups that cannot
 * reach each other), per-node send budgets, and an optional tap that sees every packet put on the wire (used to
 * replay stale packets). Addresses are looked up in a map but never iterated, so its order cannot leak into a run.
 */
final class Network {
    /** Called for every packet that leaves a sender (after its send queue), before loss and partitions. */
    interface PacketTap {
        void onPacket(int from, InetSocketAddress to, byte[] data);
    }

    final EventLoop loop;
    final Traffic traffic;
    private final LinkProfile link;
    private final SendBudget budget;
    private final SplittableRandom latencyRandom;
    private final SplittableRandom lossRandom;
    private final Map<InetSocketAddress, SimTransport> bound = new HashMap<>();
    private final int[] group;
    private PacketTap tap;

    Network(EventLoop loop, int nodes, LinkProfile link, SendBudget budget, long seed) {
        this.loop = loop;
        this.traffic = new Traffic(nodes);
        this.link = link;
        this.budget = budget;
        this.latencyRandom = new SplittableRandom(Seeds.mix(seed, Seeds.LATENCY));
        this.lossRandom = new SplittableRandom(Seeds.mix(seed, Seeds.LOSS));
        this.group = new int[nodes];
    }

    SendBudget budget() {
        return budget;
    }

    void bind(SimTransport transport) {
        bound.put(transport.localAddress(), transport);
    }

    SimTransport boundAt(InetSocketAddress address) {
        return bound.get(address);
    }

    void tap(PacketTap tap) {
        this.tap = tap;
    }

    /** Cuts the network into groups: {@code groupOf[node]}; nodes in different groups cannot reach each other. */
    void partition(int[] groupOf) {
        System.arraycopy(groupOf, 0, group, 0, group.length);
    }

    void heal() {
        Arrays.fill(group, 0);
    }

    boolean reachable(int from, int to) {
        return group[from] == group[to];
    }

    long latency() {
        long jitter = link.jitterNanos() == 0 ? 0 : latencyRandom.nextLong(link.jitterNanos());
        return link.baseLatencyNanos() + jitter;
    }

    boolean lose() {
        return link.loss() > 0 && lossRandom.nextDouble() < link.loss();
    }

    /** A packet left {@code from} at time {@code departNanos}: apply partitions and loss, deliver after latency. */
    void transmit(int from, InetSocketAddress fromAddress, InetSocketAddress to, byte[] data, long departNanos) {
        if (tap != null) {
            tap.onPacket(from, to, data);
        }
        deliver(from, fromAddress, to, data, departNanos);
    }

    /** Delivery without the tap (the replayer re-injects through here so replays are not replayed again). */
    void deliver(int from, InetSocketAddress fromAddress, InetSocketAddress to, byte[] data, long departNanos) {
        SimTransport target = bound.get(to);
        if (target == null) {
            traffic.packetsLost++;
            return;
        }
        if (!reachable(from, target.index())) {
            traffic.packetsCut++;
            return;
        }
        if (lose()) {
            traffic.packetsLost++;
            return;
        }
        loop.at(departNanos + latency(), () -> target.receivePacket(fromAddress, data));
    }
}
