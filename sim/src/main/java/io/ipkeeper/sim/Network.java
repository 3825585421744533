package io.ipkeeper.sim;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The modelled network between the simulated processes: per directed link latency and loss, independent or bursty
 * ({@link LinkModel}, {@link GilbertElliott}), partitions (node groups that cannot reach each other), per-node send
 * budgets, and an optional tap that sees every packet put on the wire (used to
 * replay stale packets). Addresses are looked up in a map but never iterated, so its order cannot leak into a run.
 */
final class Network {
    /** Called for every packet that leaves a sender (after its send queue), before loss and partitions. */
    interface PacketTap {
        void onPacket(int from, InetSocketAddress to, WirePacket packet);
    }

    final EventLoop loop;
    final Traffic traffic;
    private final LinkModel links;
    private final int nodes;
    /** Gilbert-Elliott state per directed link (bit from × nodes + to set = bad), allocated on first bursty packet. */
    private BitSet badLinks;
    private final SendBudget budget;
    private final SplittableRandom latencyRandom;
    private final SplittableRandom lossRandom;
    private final Map<InetSocketAddress, SimTransport> bound = new HashMap<>();
    private final int[] group;
    private PacketTap tap;

    Network(EventLoop loop, int nodes, LinkProfile link, SendBudget budget, long seed) {
        this(loop, nodes, LinkModel.uniform(link), budget, seed);
    }

    Network(EventLoop loop, int nodes, LinkModel links, SendBudget budget, long seed) {
        if ((long) nodes * nodes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("at most 46,340 nodes (" + nodes + " given)");
        }
        this.loop = loop;
        this.traffic = new Traffic(nodes);
        this.links = links;
        this.nodes = nodes;
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

    /** One-way latency of a packet or stream message from {@code from} to {@code to}. */
    long latency(int from, int to) {
        LinkProfile link = links.profile(from, to);
        long jitter = link.jitterNanos() == 0 ? 0 : latencyRandom.nextLong(link.jitterNanos());
        return link.baseLatencyNanos() + jitter;
    }

    /** Whether the next packet from {@code from} to {@code to} is lost (steps the link's burst chain, if any). */
    boolean lose(int from, int to) {
        LinkProfile link = links.profile(from, to);
        GilbertElliott burst = link.burst();
        if (burst == null) {
            return link.loss() > 0 && lossRandom.nextDouble() < link.loss();
        }
        if (badLinks == null) {
            badLinks = new BitSet();
        }
        int bit = from * nodes + to;
        boolean bad = badLinks.get(bit);
        bad = bad ? lossRandom.nextDouble() >= burst.badToGood() : lossRandom.nextDouble() < burst.goodToBad();
        badLinks.set(bit, bad);
        double p = bad ? burst.lossBad() : burst.lossGood();
        return p > 0 && lossRandom.nextDouble() < p;
    }

    /** A packet left {@code from} at time {@code departNanos}: apply partitions and loss, deliver after latency. */
    void transmit(int from, InetSocketAddress fromAddress, InetSocketAddress to, WirePacket data, long departNanos) {
        if (tap != null) {
            tap.onPacket(from, to, data);
        }
        deliver(from, fromAddress, to, data, departNanos);
    }

    /** Delivery without the tap (the replayer re-injects through here so replays are not replayed again). */
    void deliver(int from, InetSocketAddress fromAddress, InetSocketAddress to, WirePacket data, long departNanos) {
        SimTransport target = bound.get(to);
        if (target == null) {
            traffic.packetsLost++;
            return;
        }
        if (!reachable(from, target.index())) {
            traffic.packetsCut++;
            return;
        }
        if (lose(from, target.index())) {
            traffic.packetsLost++;
            return;
        }
        loop.at(departNanos + latency(from, target.index()), () -> target.receivePacket(fromAddress, data));
    }
}
