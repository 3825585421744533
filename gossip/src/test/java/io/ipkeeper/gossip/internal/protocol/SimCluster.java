package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.testing.InMemoryNetwork;
import io.ipkeeper.gossip.testing.VirtualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A deterministic cluster of real {@link Memberlist} nodes on one {@link VirtualScheduler} and an
 * {@link InMemoryNetwork}: no sockets, no sleeps; one seed → one run.
 */
final class SimCluster {
    final VirtualScheduler scheduler = new VirtualScheduler();
    final InMemoryNetwork network;
    private final long seed;
    final Map<String, Node> nodes = new LinkedHashMap<>();

    SimCluster(long seed) {
        this.seed = seed;
        this.network = new InMemoryNetwork(scheduler, new SplittableRandom(seed));
    }

    /** One member and what it observed. */
    static final class Node {
        final String name;
        final Memberlist memberlist;
        final Transport transport;
        final Events events;
        final Metrics metrics;
        final Recorder delegate;

        Node(String name, Memberlist memberlist, Transport transport, Events events, Metrics metrics,
                Recorder delegate) {
            this.name = name;
            this.memberlist = memberlist;
            this.transport = transport;
            this.events = events;
            this.metrics = metrics;
            this.delegate = delegate;
        }

        InetSocketAddress address() {
            return transport.localAddress();
        }

        /** This node's view of {@code other}, or null if unknown. */
        Member view(String other) {
            return memberlist.members().stream().filter(m -> m.name().equals(other)).findFirst().orElse(null);
        }

        MemberState stateOf(String other) {
            Member m = view(other);
            return m == null ? null : m.state();
        }

        Set<String> alive() {
            return memberlist.members().stream().filter(m -> m.state() == MemberState.ALIVE).map(Member::name)
                    .collect(Collectors.toSet());
        }
    }

    /** Listener that records every event. */
    static final class Events implements MembershipListener {
        final List<Member> joins = new ArrayList<>();
        final List<Member> leaves = new ArrayList<>();
        final List<Member> updates = new ArrayList<>();

        @Override
        public void onJoin(Member member) {
            joins.add(member);
        }

        @Override
        public void onLeave(Member member) {
            leaves.add(member);
        }

        @Override
        public void onUpdate(Member member) {
            updates.add(member);
        }

        List<Member> leavesOf(String name) {
            return leaves.stream().filter(m -> m.name().equals(name)).toList();
        }
    }

    /** Counting metrics. */
    static final class Metrics implements GossipMetrics {
        int probesSent;
        int probesFailed;
        int suspicions;
        int rejoins;
        int rejoinsSucceeded;
        int maxHealth;
        int pushPulls;
        int periodicPushPulls;
        int digestRounds;
        int digestRoundsInSync;
        int digestRoundsFailed;
        int digestRecordsReceived;

        @Override
        public void probeSent() {
            probesSent++;
        }

        @Override
        public void probeFailed() {
            probesFailed++;
        }

        @Override
        public void suspicionRaised() {
            suspicions++;
        }

        @Override
        public void healthScore(int score) {
            maxHealth = Math.max(maxHealth, score);
        }

        @Override
        public void rejoinAttempted(boolean success) {
            rejoins++;
            if (success) {
                rejoinsSucceeded++;
            }
        }

        @Override
        public void antiEntropyRound(boolean success, boolean inSync, int recordsSent, int recordsReceived) {
            digestRounds++;
            if (!success) {
                digestRoundsFailed++;
            } else if (inSync) {
                digestRoundsInSync++;
            }
            digestRecordsReceived += recordsReceived;
        }

        @Override
        public void pushPullCompleted(boolean join, boolean success) {
            if (success) {
                pushPulls++;
                if (!join) {
                    periodicPushPulls++;
                }
            }
        }
    }

    /** Delegate recording user messages and remote state; offers its own local state and broadcasts. */
    static final class Recorder implements Delegate {
        final List<String> messages = new ArrayList<>();
        final List<String> remoteStates = new ArrayList<>();
        final List<Boolean> remoteStateJoin = new ArrayList<>();
        final List<byte[]> pendingBroadcasts = new ArrayList<>();
        String localState = "";
        byte[] meta = new byte[0];

        @Override
        public byte[] nodeMeta(int limit) {
            return meta;
        }

        @Override
        public void notifyMessage(byte[] message) {
            messages.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public List<byte[]> broadcasts(int overhead, int limit) {
            List<byte[]> out = new ArrayList<>();
            int used = 0;
            while (!pendingBroadcasts.isEmpty() && used + overhead + pendingBroadcasts.getFirst().length <= limit) {
                byte[] b = pendingBroadcasts.removeFirst();
                used += overhead + b.length;
                out.add(b);
            }
            return out;
        }

        @Override
        public byte[] localState(boolean join) {
            return localState.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public void mergeRemoteState(byte[] state, boolean join) {
            remoteStates.add(new String(state, java.nio.charset.StandardCharsets.UTF_8));
            remoteStateJoin.add(join);
        }
    }

    Node add(String name) {
        return add(name, b -> b);
    }

    Node add(String name, UnaryOperator<GossipConfig.Builder> customize) {
        return add(name, customize, t -> t);
    }

    /** A node whose transport is wrapped by {@code wrap} (e.g. to drop only UDP). */
    Node add(String name, UnaryOperator<GossipConfig.Builder> customize, UnaryOperator<Transport> wrap) {
        Transport transport = wrap.apply(network.newTransport());
        GossipConfig config = customize.apply(GossipConfig.local().name(name)).build();
        Events events = new Events();
        Metrics metrics = new Metrics();
        Recorder delegate = new Recorder();
        MemberlistOptions options = MemberlistOptions.builder().listener(events).metrics(metrics).delegate(delegate)
                .build();
        Memberlist ml;
        try {
            ml = Memberlist.create(config, options, transport, scheduler, new SplittableRandom(seed * 31 + nodes.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node node = new Node(name, ml, transport, events, metrics, delegate);
        nodes.put(name, node);
        return node;
    }

    /** Starts {@code count} nodes named node-0…, each joining node-0, and runs until the join exchanges finished. */
    List<Node> startJoined(int count) {
        return startJoined(count, b -> b);
    }

    List<Node> startJoined(int count, UnaryOperator<GossipConfig.Builder> customize) {
        List<Node> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(add("node-" + i, customize));
        }
        run(Duration.ofMillis(10));
        InetSocketAddress seed = started.getFirst().address();
        List<CompletableFuture<?>> joins = new ArrayList<>();
        for (Node n : started.subList(1, started.size())) {
            joins.add(n.memberlist.joinAsync(List.of(seed)));
        }
        run(Duration.ofSeconds(2));
        for (CompletableFuture<?> j : joins) {
            if (!j.isDone() || j.isCompletedExceptionally()) {
                throw new AssertionError("join did not complete: " + j);
            }
        }
        return started;
    }

    Node node(String name) {
        return nodes.get(name);
    }

    Collection<Node> all() {
        return nodes.values();
    }

    void run(Duration d) {
        scheduler.runFor(d);
    }

    /**
     * Runs virtual time in 100 ms steps until {@code condition} holds or {@code limit} has passed.
     *
     * @return whether the condition held
     */
    boolean runUntil(BooleanSupplier condition, Duration limit) {
        long end = scheduler.nanoTime() + limit.toNanos();
        while (scheduler.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            scheduler.runFor(Duration.ofMillis(100));
        }
        return condition.getAsBoolean();
    }

    /** Every running node sees exactly {@code names} alive. */
    boolean allSeeAlive(Collection<Node> observers, Set<String> names) {
        return observers.stream().allMatch(n -> n.alive().equals(names));
    }
}
