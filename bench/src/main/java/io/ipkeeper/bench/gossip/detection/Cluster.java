package io.ipkeeper.bench.gossip.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Five nodes of one implementation on 127.0.0.1, each a separate process on its own fixed port. A node killed by the
 * harness is restarted under the same name and port, so it re-joins as the same member.
 */
final class Cluster {
    private static final long SECOND = 1_000_000_000L;

    private final NodeLauncher launcher;
    private final Path logDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, NodeProcess> current = new LinkedHashMap<>();
    /** Every process this cluster ever ran (killed ones included), for CPU totals and the false-report scan. */
    private final List<NodeProcess> all = new CopyOnWriteArrayList<>();
    /** Each kill: from SIGKILL until the cluster was whole and quiet again. */
    private final List<KillWindow> windows = new CopyOnWriteArrayList<>();

    /** One measured kill. {@code detectionNanos} is -1 if not every survivor reported the victim dead in time. */
    record KillWindow(String victim, long killedAt, long detectionNanos, long endedAt) {
        boolean covers(String node, long at) {
            return node.equals(victim) && at >= killedAt && (endedAt == 0 || at <= endedAt);
        }
    }

    Cluster(NodeLauncher launcher, String namePrefix, int size, int[] freePorts, Path logDir) {
        this.launcher = launcher;
        this.logDir = logDir;
        for (int i = 0; i < size; i++) {
            ports.put(namePrefix + "-" + (i + 1), freePorts[i]);
        }
    }

    String label() {
        return launcher.label();
    }

    Set<String> names() {
        return ports.keySet();
    }

    synchronized List<NodeProcess> running() {
        return List.copyOf(current.values());
    }

    List<NodeProcess> allProcesses() {
        return List.copyOf(all);
    }

    List<KillWindow> windows() {
        return List.copyOf(windows);
    }

    /** Starts the first node alone and the others joining it, one after the other. */
    void start() throws InterruptedException {
        String first = null;
        for (String name : ports.keySet()) {
            startNode(name, first == null ? List.of() : List.of("127.0.0.1:" + ports.get(first)));
            if (first == null) {
                first = name;
            }
        }
    }

    /**
     * Starts {@code name} and waits for its {@code started} (and {@code joined}) event. A restart may find its port
     * briefly unusable after the kill; then it is retried.
     */
    private NodeProcess startNode(String name, List<String> seeds) throws InterruptedException {
        int port = ports.get(name);
        for (int attempt = 1; ; attempt++) {
            NodeProcess p = NodeProcess.start(name, port, launcher.command(name, port, seeds), logDir);
            all.add(p);
            long deadline = System.nanoTime() + 60 * SECOND;
            while (System.nanoTime() < deadline && p.isAlive() && !hasStarted(p, !seeds.isEmpty())) {
                Thread.sleep(20);
            }
            if (hasStarted(p, !seeds.isEmpty())) {
                synchronized (this) {
                    current.put(name, p);
                }
                return p;
            }
            p.destroy();
            if (attempt == 5) {
                throw new IllegalStateException(label() + " node " + name + " did not start; logs in " + logDir);
            }
            Thread.sleep(1000);
        }
    }

    private static boolean hasStarted(NodeProcess p, boolean joins) {
        List<TimedLine> events = p.events();
        boolean started = events.stream().anyMatch(e -> e.kind().equals("started"));
        boolean joined = events.stream().anyMatch(e -> e.kind().equals("joined") && e.json().path("contacted").asInt() > 0);
        return started && (!joins || joined);
    }

    /**
     * Waits until every node's latest member snapshot lists all five alive and has done so, with no join, leave or
     * update event anywhere, for {@code quietNanos}. False if that does not happen within {@code timeoutNanos}.
     */
    boolean awaitWholeAndQuiet(long quietNanos, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        long wholeSince = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (isWhole()) {
                if (wholeSince == 0) {
                    wholeSince = now;
                } else if (now - wholeSince >= quietNanos) {
                    if (!membershipChangedSince(wholeSince)) {
                        return true;
                    }
                    wholeSince = now;
                }
            } else {
                wholeSince = 0;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private boolean isWhole() {
        List<NodeProcess> nodes = running();
        if (nodes.size() != ports.size()) {
            return false;
        }
        for (NodeProcess p : nodes) {
            TimedLine members = p.latestMembers();
            if (!p.isAlive() || members == null) {
                return false;
            }
            Set<String> alive = new java.util.HashSet<>();
            for (JsonNode m : members.json().path("members")) {
                if (m.path("state").asText().equals("alive")) {
                    alive.add(m.path("node").asText());
                }
            }
            if (!alive.equals(ports.keySet()) || members.json().path("count").asInt() != ports.size()) {
                return false;
            }
        }
        return true;
    }

    private boolean membershipChangedSince(long since) {
        for (NodeProcess p : running()) {
            for (TimedLine e : p.events()) {
                if (e.nanos() >= since && Set.of("join", "leave", "update").contains(e.kind())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code kill -9} of {@code victim}, then the time until every survivor has printed a {@code leave} event with
     * state {@code dead} about it; then the victim is restarted under its name and port, joining the survivors, and
     * the cluster is given time to become whole and quiet. Returns the window, also kept for the false-report scan.
     */
    KillWindow killAndRestore(String victim, long detectTimeoutNanos, long quietNanos) throws InterruptedException {
        NodeProcess dying;
        List<NodeProcess> survivors;
        synchronized (this) {
            dying = current.remove(victim);
            survivors = List.copyOf(current.values());
        }
        long killedAt = dying.kill();
        long detection = awaitDeadEverywhere(victim, survivors, killedAt, detectTimeoutNanos);

        startNode(victim, survivors.stream().map(NodeProcess::address).toList());
        boolean settled = awaitWholeAndQuiet(quietNanos, 120 * SECOND);
        KillWindow window = new KillWindow(victim, killedAt, detection, System.nanoTime());
        windows.add(window);
        if (!settled) {
            System.err.println("warning: " + label() + " cluster not whole and quiet 120 s after restarting " + victim);
        }
        return window;
    }

    private static long awaitDeadEverywhere(String victim, List<NodeProcess> survivors, long since, long timeoutNanos)
            throws InterruptedException {
        long deadline = since + timeoutNanos;
        while (true) {
            long latest = 0;
            boolean all = true;
            for (NodeProcess p : survivors) {
                long at = deadReportAt(p, victim, since);
                if (at == 0) {
                    all = false;
                    break;
                }
                latest = Math.max(latest, at);
            }
            if (all) {
                return latest - since;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(20);
        }
    }

    /** Arrival time of {@code p}'s first "leave, state dead" event about {@code victim} after {@code since}, or 0. */
    private static long deadReportAt(NodeProcess p, String victim, long since) {
        for (TimedLine e : p.events()) {
            if (e.nanos() >= since && e.kind().equals("leave") && e.node().equals(victim) && e.state().equals("dead")) {
                return e.nanos();
            }
        }
        return 0;
    }

    /** True if {@code node}'s being reported at {@code at} is explained by a kill of that node. */
    boolean explainedByKill(String node, long at) {
        return windows.stream().anyMatch(w -> w.covers(node, at)) || inOpenWindow(node, at);
    }

    private boolean inOpenWindow(String node, long at) {
        // The kill in progress is not in `windows` yet: its victim is the one missing from `current`.
        for (NodeProcess p : all) {
            if (p.name().equals(node) && p.killedNanos() != 0 && at >= p.killedNanos()
                    && windows.stream().noneMatch(w -> w.killedAt() == p.killedNanos())) {
                return true;
            }
        }
        return false;
    }

    /** Kills whatever still runs. */
    void destroyAll() {
        all.forEach(NodeProcess::destroy);
    }

    @Override
    public String toString() {
        return label() + running().stream().map(NodeProcess::toString).collect(Collectors.joining(", ", " [", "]"));
    }

    /** Ports in use by this cluster (for messages). */
    List<Integer> ports() {
        return new ArrayList<>(ports.values());
    }
}
