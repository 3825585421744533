package io.ipkeeper.sim;

import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a run against the definitions of {@code docs/simulation.md}: views, convergence, quiet, suspicions, false
 * positives, detection and dissemination times, traffic. Sampled at the end of every simulated second; event hooks
 * (dead declarations, updates seen) are called from the nodes' listeners. Maps here are only looked up, never iterated
 * in an order that reaches the output.
 */
final class Metrics {
    /** A live node declared dead counts as a false positive only once its current life is this old (ns). */
    private final long fpGraceNanos;
    private final long stableNanos;
    private final Simulation sim;
    private final List<Sample> samples = new ArrayList<>();
    private final Object[] lastTable;
    private final long[] lastFingerprint;
    /** View size (members alive or suspect) per node, recomputed with the fingerprint when its table changes. */
    private final int[] lastSize;
    /** Per crashed node (by name): when it went down and who has declared it dead since. */
    private final Map<String, Spread> crashes = new HashMap<>();
    private final List<Spread> crashOrder = new ArrayList<>();
    /** Per meta update (name + version): who has seen it. */
    private final Map<String, Spread> updates = new HashMap<>();
    private final List<Spread> updateOrder = new ArrayList<>();

    private long suspicions;
    private long suspicionsTotal;
    private long deadDeclarations;
    private long falsePositives;
    private long falsePositivesHealthy;
    private long lastBytes;
    private long lastMessages;
    private long liveNodeSeconds;
    private int distinctViewsMax;
    /** Every view size (members alive or suspect) some live node held in some sample: Rapid's "distinct sizes". */
    private final BitSet sizesSeen = new BitSet();
    private long commonFingerprint;
    private long consistentSince = -1;
    private long quietSince = -1;

    /** An event spreading through the cluster: first seen, and when 99.9% of the live nodes had seen it. */
    static final class Spread {
        final long startedAt;
        final BitSet observers = new BitSet();
        long firstAt = -1;
        long reached999At = -1;

        Spread(long startedAt) {
            this.startedAt = startedAt;
        }
    }

    Metrics(Simulation sim) {
        this.sim = sim;
        this.lastTable = new Object[sim.nodeCount()];
        this.lastFingerprint = new long[sim.nodeCount()];
        this.lastSize = new int[sim.nodeCount()];
        this.stableNanos = 2 * sim.gossipConfig.pushPullInterval().toNanos();
        this.fpGraceNanos = sim.gossipConfig.pushPullInterval().toNanos();
    }

    // ---------------------------------------------------------------- events from the nodes

    void suspicionRaised() {
        suspicions++;
        suspicionsTotal++;
    }

    void declaredDead(int observer, String target) {
        deadDeclarations++;
        int t = indexOf(target);
        long now = sim.loop.now();
        SimNode node = t < 0 ? null : sim.node(t);
        if (node != null && node.up() && now - node.upSince() >= fpGraceNanos) {
            falsePositives++;
            if (!sim.starved(t)) {
                falsePositivesHealthy++;
            }
        }
        Spread crash = crashes.get(target);
        if (crash != null && node != null && !node.up()) {
            reached(crash, observer, now);
        }
    }

    void updateSeen(int observer, String target, int version) {
        Spread u = updates.get(target + "#" + version);
        if (u != null && observer != indexOf(target)) {
            reached(u, observer, sim.loop.now());
        }
    }

    void updateStarted(String node, int version) {
        Spread s = new Spread(sim.loop.now());
        updates.put(node + "#" + version, s);
        updateOrder.add(s);
    }

    /** Called by the simulation when a process is crashed (detection is timed from here). */
    void crashed(String node) {
        Spread s = new Spread(sim.loop.now());
        crashes.put(node, s);
        crashOrder.add(s);
    }

    private void reached(Spread s, int observer, long now) {
        if (s.observers.get(observer)) {
            return;
        }
        s.observers.set(observer);
        if (s.firstAt < 0) {
            s.firstAt = now;
        }
        int live = sim.liveCount();
        if (s.reached999At < 0 && s.observers.cardinality() >= Math.ceil(0.999 * (live - 1))) {
            s.reached999At = now;
        }
    }

    static int indexOf(String name) {
        try {
            return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- sampling

    void sample() {
        long now = sim.loop.now();
        int n = sim.nodeCount();
        long[] fps = new long[n];
        int live = 0;
        long queued = 0;
        int firstLive = -1;
        for (int i = 0; i < n; i++) {
            SimNode node = sim.node(i);
            if (!node.up()) {
                lastTable[i] = null;
                continue;
            }
            List<Member> table = node.members();
            if (table != lastTable[i]) {
                lastTable[i] = table;
                lastFingerprint[i] = fingerprint(table);
                lastSize[i] = viewSize(table);
            }
            sizesSeen.set(lastSize[i]);
            fps[live++] = lastFingerprint[i];
            queued += node.queueDepth;
            if (firstLive < 0) {
                firstLive = i;
            }
        }
        long[] views = Arrays.copyOf(fps, live);
        Arrays.sort(views);
        int distinct = 0;
        for (int i = 0; i < views.length; i++) {
            if (i == 0 || views[i] != views[i - 1]) {
                distinct++;
            }
        }
        distinctViewsMax = Math.max(distinctViewsMax, distinct);
        boolean consistent = distinct == 1 && matchesLiveSet(sim.node(firstLive).members(), live);
        if (consistent && consistentSince >= 0 && views[0] == commonFingerprint) {
            // still the same converged view
        } else if (consistent) {
            consistentSince = now;
            commonFingerprint = views[0];
        } else {
            consistentSince = -1;
        }
        if (queued == 0 && live > 0) {
            if (quietSince < 0) {
                quietSince = now;
            }
        } else {
            quietSince = -1;
        }
        long bytes = sim.network.traffic.totalBytesSent();
        long messages = sim.network.traffic.totalMessagesSent();
        liveNodeSeconds += live;
        double perLive = Math.max(1, live);
        samples.add(new Sample(now / Simulation.SECOND, live, distinct, consistent, suspicions, deadDeclarations,
                falsePositives, (bytes - lastBytes) / perLive, (messages - lastMessages) / perLive, queued,
                sim.network.traffic.packetsQueueDropped));
        lastBytes = bytes;
        lastMessages = messages;
        suspicions = 0;
        deadDeclarations = 0;
    }

    /** Order-independent 64-bit digest of the alive and suspect members with their incarnations and states. */
    static int viewSize(List<Member> table) {
        int size = 0;
        for (Member m : table) {
            if (m.state() == MemberState.ALIVE || m.state() == MemberState.SUSPECT) {
                size++;
            }
        }
        return size;
    }

    static long fingerprint(List<Member> table) {
        long sum = 0;
        long count = 0;
        for (Member m : table) {
            if (m.state() != MemberState.ALIVE && m.state() != MemberState.SUSPECT) {
                continue;
            }
            long h = m.name().hashCode() * 0x9E3779B97F4A7C15L + m.incarnation() * 31 + m.state().ordinal();
            sum += Seeds.mix(h, 7);
            count++;
        }
        return Seeds.mix(sum, count);
    }

    /** The (common) view names exactly the live processes. */
    private boolean matchesLiveSet(List<Member> table, int live) {
        int members = 0;
        for (Member m : table) {
            if (m.state() != MemberState.ALIVE && m.state() != MemberState.SUSPECT) {
                continue;
            }
            int i = indexOf(m.name());
            if (i < 0 || !sim.node(i).up()) {
                return false;
            }
            members++;
        }
        return members == live;
    }

    // ---------------------------------------------------------------- results

    RunResult result() {
        long end = sim.loop.now();
        boolean converged = consistentSince >= 0 && end - consistentSince >= stableNanos;
        Summary s = new Summary();
        RunSettings r = sim.settings;
        s.put("scenario", r.scenario());
        s.put("nodes", r.nodes());
        s.put("seed", r.seed());
        s.put("durationSeconds", r.duration().toSeconds());
        s.put("legacy", r.legacy());
        s.put("antiEntropy", r.antiEntropy().label());
        s.put("converged", converged);
        s.put("convergedAtSeconds", converged ? seconds(consistentSince) : null);
        s.put("lastDisturbanceSeconds", seconds(sim.lastDisturbance()));
        s.put("convergenceSeconds", converged ? seconds(Math.max(0, consistentSince - sim.lastDisturbance())) : null);
        s.put("quiet", quietSince >= 0);
        s.put("quietAtSeconds", quietSince >= 0 ? seconds(quietSince) : null);
        s.put("falsePositives", falsePositives);
        s.put("falsePositivesHealthy", falsePositivesHealthy);
        s.put("suspicions", suspicionsTotal);
        s.put("distinctViewsMax", distinctViewsMax);
        s.put("distinctSizesSeen", sizesSeen.cardinality());
        s.put("distinctViewsFinal", samples.isEmpty() ? 0 : samples.getLast().distinctViews());
        s.put("liveNodesFinal", samples.isEmpty() ? 0 : samples.getLast().live());
        double nodeSeconds = Math.max(1, liveNodeSeconds);
        s.put("bytesPerNodePerSecond", round(sim.network.traffic.totalBytesSent() / nodeSeconds));
        s.put("messagesPerNodePerSecond", round(sim.network.traffic.totalMessagesSent() / nodeSeconds));
        s.put("bytesPerNodePerSecondFinalHalf", round(finalHalf(Sample::bytesPerNode)));
        s.put("messagesPerNodePerSecondFinalHalf", round(finalHalf(Sample::messagesPerNode)));
        s.put("packetsLost", sim.network.traffic.packetsLost);
        s.put("packetsCut", sim.network.traffic.packetsCut);
        s.put("packetsDroppedSendQueueFull", sim.network.traffic.packetsQueueDropped);
        s.put("crashes", spreadSummary(crashOrder));
        s.put("updates", spreadSummary(updateOrder));
        s.put("events", sim.loop.executed());
        return new RunResult(s, List.copyOf(samples));
    }

    /** Mean of a per-node rate over the second half of the run (after boot and faults in most scenarios). */
    private double finalHalf(java.util.function.ToDoubleFunction<Sample> rate) {
        int from = samples.size() / 2;
        double weighted = 0;
        long live = 0;
        for (Sample x : samples.subList(from, samples.size())) {
            weighted += rate.applyAsDouble(x) * x.live();
            live += x.live();
        }
        return live == 0 ? 0 : weighted / live;
    }

    /** First detection and 99.9% spread times (seconds after the event) over all tracked events. */
    private static Summary spreadSummary(List<Spread> spreads) {
        List<Double> first = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        for (Spread s : spreads) {
            if (s.firstAt >= 0) {
                first.add((s.firstAt - s.startedAt) / 1e9);
            }
            if (s.reached999At >= 0) {
                full.add((s.reached999At - s.startedAt) / 1e9);
            }
        }
        first.sort(null);
        full.sort(null);
        Summary out = new Summary();
        out.put("count", spreads.size());
        out.put("seen", first.size());
        out.put("reached999", full.size());
        out.put("firstMedianSeconds", first.isEmpty() ? null : round(first.get(first.size() / 2)));
        out.put("firstMaxSeconds", first.isEmpty() ? null : round(first.getLast()));
        out.put("reached999MedianSeconds", full.isEmpty() ? null : round(full.get(full.size() / 2)));
        out.put("reached999MaxSeconds", full.isEmpty() ? null : round(full.getLast()));
        return out;
    }

    private static double seconds(long nanos) {
        return round(nanos / 1e9);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
