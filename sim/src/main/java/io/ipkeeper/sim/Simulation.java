package io.ipkeeper.sim;

import io.ipkeeper.gossip.GossipConfig;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One run: the event loop, the network, the simulated machines and the metrics, plus the controls scenarios use
 * (boot, crash, restart, partition, heal, slow nodes, stale replays). Everything happens in virtual time.
 */
public final class Simulation {
    static final long SECOND = 1_000_000_000L;

    final RunSettings settings;
    final Scenario scenario;
    final long seed;
    final boolean legacy;
    final EventLoop loop = new EventLoop();
    final Network network;
    final GossipConfig gossipConfig;
    final Metrics metrics;
    /** Immutable records shared by every node's table and snapshot (memory only; behaviour unchanged). */
    final SharedRecords shared = new SharedRecords();
    /**
     * True: every packet travels encoded and each receiver decodes it (as on a real network); false (default):
     * packets travel as their messages (encoded once by the sender for their exact size, never decoded). Both give
     * the same run; the decoded path saves the receivers' decoding. Set before {@link #run}.
     */
    boolean packetBytes = Boolean.getBoolean("ipkeeper.sim.packetBytes");
    /**
     * Experiment ({@code -Dipkeeper.sim.quietMerge=true}): alive records learned by push/pull are not re-broadcast
     * (not memberlist's behaviour; see {@code Membership.Builder#quietMerge}). Default false.
     */
    boolean quietMerge = Boolean.getBoolean("ipkeeper.sim.quietMerge");
    private final SimNode[] nodes;
    private final SplittableRandom random;
    private final BitSet starved = new BitSet();
    private long lastDisturbance;
    private int live;

    public Simulation(RunSettings settings, Scenario scenario) {
        this.settings = settings;
        this.scenario = scenario;
        this.seed = settings.seed();
        this.legacy = settings.legacy();
        // A placeholder name: each node sets its own; building here validates the scenario's settings once.
        this.gossipConfig = scenario.gossipConfig().name("sim").antiEntropy(settings.antiEntropy()).build();
        this.network = new Network(loop, settings.nodes(), scenario.links(), scenario.budget(), seed);
        this.random = new SplittableRandom(Seeds.mix(seed, Seeds.SCENARIO));
        this.nodes = new SimNode[settings.nodes()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new SimNode(this, i);
        }
        this.metrics = new Metrics(this);
    }

    // ---------------------------------------------------------------- controls for scenarios

    public int nodeCount() {
        return nodes.length;
    }

    /** The scenario's own random source (which nodes crash, when): separate from the network's and the nodes'. */
    public SplittableRandom random() {
        return random;
    }

    /** Runs {@code action} at {@code seconds} of virtual time. */
    public void at(double seconds, Runnable action) {
        loop.at((long) (seconds * SECOND), action);
    }

    /** Starts every node, spread evenly over {@code overSeconds}; each joins through a random node started before. */
    public void boot(double overSeconds) {
        for (int i = 0; i < nodes.length; i++) {
            int node = i;
            at(overSeconds * i / nodes.length, () -> start(node));
        }
    }

    /** Starts (or restarts) a node's process, joining through one random live node. */
    public void start(int node) {
        nodes[node].start(seedsFor(node));
    }

    /** Crashes a node for good: its detection and dissemination are timed. */
    public void crash(int node) {
        disturbed();
        if (nodes[node].up()) {
            metrics.crashed(nodes[node].name);
            nodes[node].crash();
        }
    }

    /** Crashes the process now and starts a new life after {@code downSeconds}. */
    public void restart(int node, double downSeconds) {
        disturbed();
        nodes[node].crash();
        loop.after((long) (downSeconds * SECOND), () -> {
            disturbed();
            start(node);
        });
    }

    /** Cuts the network: {@code groupOf[node]} says which side each node is on. */
    public void partition(int[] groupOf) {
        disturbed();
        network.partition(groupOf);
    }

    public void heal() {
        disturbed();
        network.heal();
    }

    /** Starves {@code node} of CPU for {@code pauseMillis} every {@code everyMillis}, from now to the end. */
    public void slow(int node, long pauseMillis, long everyMillis) {
        nodes[node].pause(pauseMillis * 1_000_000L);
        loop.after(everyMillis * 1_000_000L, () -> slow(node, pauseMillis, everyMillis));
    }

    /**
     * Starves {@code node}'s reading for {@code stallMillis} every {@code everyMillis}, from now to the end: its timers
     * run and it sends, but packets and streams wait until each stall ends (see {@link SimScheduler}).
     */
    public void starve(int node, long stallMillis, long everyMillis) {
        starved.set(node);
        nodes[node].stallInbound(stallMillis * 1_000_000L);
        loop.after(everyMillis * 1_000_000L, () -> starve(node, stallMillis, everyMillis));
    }

    /** Whether {@code node} has been starved during this run: false positives about it are not about a healthy node. */
    boolean starved(int node) {
        return starved.get(node);
    }

    /** Changes one node's meta data: the update whose spread measures dissemination. */
    public void bumpMeta(int node) {
        if (nodes[node].up()) {
            int version = nodes[node].bumpMeta();
            metrics.updateStarted(nodes[node].name, version);
        }
    }

    /**
     * Stale broadcasts replayed: every packet sent in one of the {@code recordWindows} (pairs of start, end seconds) is
     * recorded with probability {@code p} and delivered again, once, at a uniform time in [replayFrom, replayTo)
     * seconds, as if it had sat in a saturated queue or a slow path. Replays may themselves be lost or cut.
     */
    public void replayStale(double[] recordWindows, double p, double replayFrom, double replayTo) {
        SplittableRandom replay = new SplittableRandom(Seeds.mix(seed, Seeds.REPLAY));
        network.tap((sender, target, data) -> {
            double now = (double) loop.now() / SECOND;
            boolean recording = false;
            for (int w = 0; w + 1 < recordWindows.length; w += 2) {
                recording |= now >= recordWindows[w] && now < recordWindows[w + 1];
            }
            if (!recording || replay.nextDouble() >= p) {
                return;
            }
            double at = Math.max(now, replayFrom + replay.nextDouble() * (replayTo - replayFrom));
            InetSocketAddress fromAddress = nodes[sender].address;
            at(at, () -> network.deliver(sender, fromAddress, target, data, loop.now()));
        });
    }

    /** Marks "something happened now": convergence time is measured from the last disturbance. */
    public void disturbed() {
        lastDisturbance = loop.now();
    }

    public boolean up(int node) {
        return nodes[node].up();
    }

    // ---------------------------------------------------------------- running

    SimNode node(int i) {
        return nodes[i];
    }

    int liveCount() {
        return live;
    }

    void lifeChanged(boolean started) {
        live += started ? 1 : -1;
    }

    long lastDisturbance() {
        return lastDisturbance;
    }

    /** One random live node other than {@code node}: a few random picks, then a scan (deterministic either way). */
    private List<InetSocketAddress> seedsFor(int node) {
        for (int attempt = 0; attempt < 16; attempt++) {
            int pick = random.nextInt(nodes.length);
            if (pick != node && nodes[pick].up()) {
                return List.of(nodes[pick].address);
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            if (i != node && nodes[i].up()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        return List.of(nodes[candidates.get(random.nextInt(candidates.size()))].address);
    }

    /**
     * Runs the scenario to its end, sampling metrics every simulated second; {@code progress} gets the virtual time
     * (nanoseconds) after each simulated second.
     */
    public RunResult run(LongConsumer progress) {
        scenario.script(this);
        long end = settings.duration().toNanos();
        for (long t = SECOND; t <= end; t += SECOND) {
            loop.runUntil(t);
            metrics.sample();
            progress.accept(t);
        }
        return metrics.result();
    }
}
