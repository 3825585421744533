package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.state.Awareness;
import io.ipkeeper.gossip.internal.state.Interner;
import io.ipkeeper.gossip.internal.state.Membership;
import io.ipkeeper.gossip.internal.state.MembershipEffect;
import io.ipkeeper.gossip.internal.state.NodeSnapshot;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import io.ipkeeper.gossip.internal.state.TransmitLimitedQueue;
import io.ipkeeper.gossip.internal.wire.Dead;
import io.ipkeeper.gossip.internal.wire.Message;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live memberlist node: wires the state machine ({@link Membership}) to the transport and the loops (probe,
 * gossip, push/pull, re-join), turns {@link MembershipEffect}s into broadcasts, listener calls and timers, and owns the
 * lifecycle (start, leave, shutdown).
 *
 * <p>Threading: everything here runs on the scheduler's single thread. Inbound transport callbacks hop onto it; API
 * callers use {@link #submit}. What other threads may read is published after every task as immutable snapshots
 * ({@link #members()}, {@link #localMember()}, {@link #healthScore()}).
 */
public final class ProtocolNode {
    private static final Logger log = LoggerFactory.getLogger(ProtocolNode.class);

    final GossipConfig config;
    final Transport transport;
    final Scheduler scheduler;
    final RandomGenerator random;
    final MembershipListener listener;
    final Delegate delegate;
    final GossipMetrics metrics;
    final WireSettings wire;
    final Awareness awareness;
    final Membership membership;
    final Broadcasts broadcasts;
    final AckTracker acks;
    final Messenger messenger;
    final SuspicionTimers suspicionTimers;
    final PacketHandler packets;
    final StreamHandler streams;
    final Prober prober;
    final Gossiper gossiper;
    final PushPullExchange pushPull;
    final DigestExchange digestExchange;
    final Joiner joiner;
    final Rejoiner rejoiner;

    private final Scheduler raw;
    private final InetSocketAddress advertise;
    private final InboundQueue inbound;
    private volatile boolean running;
    /** The thread that ran the last protocol task: blocking API calls from it would wait for themselves. */
    private volatile Thread protocolThread;
    private boolean dirty = true;
    private CompletableFuture<Boolean> leaveDone;

    private volatile List<Member> publishedMembers = List.of();
    private volatile Member publishedLocal;
    /** {@link SimulationOptions#lazySnapshots}: snapshots are rebuilt in {@link #members()} instead of after each task. */
    private final boolean lazySnapshots;
    private final Interner interner;
    /** {@link SimulationOptions#lifeguard}: false only in the simulator's plain-SWIM baseline. */
    final boolean lifeguard;
    private volatile int publishedHealth;

    /**
     * @param advertise the address and port other nodes reach us at (never a wildcard address)
     */
    public ProtocolNode(GossipConfig config, Transport transport, Scheduler scheduler, RandomGenerator random,
            KeyringHolder keyring, MembershipListener listener, Delegate delegate, GossipMetrics metrics,
            InetSocketAddress advertise) {
        this(config, transport, scheduler, random, keyring, listener, delegate, metrics, advertise,
                SimulationOptions.NONE);
    }

    /**
     * Internal, for the simulator only ({@code io.ipkeeper.sim}): as above with {@link SimulationOptions} (the 2014
     * legacy dead-node removal, lazy snapshots). Never reachable from the public API ({@code Memberlist} uses the
     * constructor above).
     */
    public ProtocolNode(GossipConfig config, Transport transport, Scheduler scheduler, RandomGenerator random,
            KeyringHolder keyring, MembershipListener listener, Delegate delegate, GossipMetrics metrics,
            InetSocketAddress advertise, SimulationOptions simulation) {
        this.lazySnapshots = simulation.lazySnapshots();
        this.lifeguard = simulation.lifeguard();
        this.interner = simulation.interner();
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.raw = Objects.requireNonNull(scheduler, "scheduler");
        this.scheduler = new NodeScheduler(raw);
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.advertise = Objects.requireNonNull(advertise, "advertise");
        if (advertise.getAddress() == null || advertise.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("advertise address (" + advertise
                    + ") must be a concrete IP address other nodes can reach");
        }
        this.wire = new WireSettings(config, keyring);
        // Plain SWIM (simulator only): a maximum of 1 keeps the score at 0, so probe timing is never scaled.
        this.awareness = new Awareness(lifeguard ? config.awarenessMaxMultiplier() : 1);
        this.suspicionTimers = new SuspicionTimers(this.scheduler, this::now, metrics);
        this.membership = Membership.builder(config.name()).config(config).random(random).awareness(awareness)
                .effects(this::onEffect).legacyDeadRemoval(simulation.legacyDeadRemoval())
                .fixedSuspicionTimeout(!lifeguard).interner(simulation.interner())
                .quietMerge(simulation.quietMerge())
                .digest(config.antiEntropy() == io.ipkeeper.gossip.AntiEntropy.DIGEST).build();
        this.suspicionTimers.bind(membership);
        TransmitLimitedQueue<Message> queue = new TransmitLimitedQueue<>(config.retransmitMult(),
                membership::numNodes, config.maxBroadcastQueueDepth());
        this.broadcasts = new Broadcasts(queue, delegate, metrics);
        this.acks = new AckTracker(this.scheduler);
        this.messenger = new Messenger(transport, wire, broadcasts, metrics, config.udpBufferSize(),
                simulation.decodedPackets());
        this.packets = new PacketHandler(this);
        this.pushPull = new PushPullExchange(this);
        this.digestExchange = new DigestExchange(this);
        this.streams = new StreamHandler(this);
        this.prober = new Prober(this);
        this.gossiper = new Gossiper(this);
        this.joiner = new Joiner(this);
        this.rejoiner = new Rejoiner(this);
        this.inbound = new InboundQueue(this);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts the node: our first alive (incarnation 1) and the loops are set up on the protocol thread, then the
     * transport starts delivering. The returned future completes on the protocol thread once we are alive.
     */
    public CompletableFuture<Void> start() throws IOException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        running = true;
        scheduler.execute(() -> {
            try {
                membership.start(advertise.getAddress().getAddress(), advertise.getPort(), checkedMeta(), config.vsn(),
                        now());
            } catch (RuntimeException e) {
                // e.g. meta too large: the node cannot start; say why instead of hanging.
                running = false;
                started.completeExceptionally(e);
                return;
            }
            prober.start();
            gossiper.start();
            pushPull.start();
            digestExchange.start();
            rejoiner.start();
            started.complete(null);
        });
        try {
            transport.start(inbound);
        } catch (IOException | RuntimeException e) {
            running = false;
            throw e;
        }
        return started;
    }

    /**
     * Graceful leave (spec §3.7): marks us left and gossips it; the node keeps answering probes until
     * {@link #shutdown}. Completes with true once the leave message has used up its retransmits, or false if
     * {@code timeout} passed first. Protocol thread only.
     */
    public CompletableFuture<Boolean> leave(Duration timeout) {
        if (leaveDone != null) {
            return leaveDone;
        }
        leaveDone = new CompletableFuture<>();
        CompletableFuture<Boolean> done = leaveDone;
        boolean othersAlive = membership.leave(now());
        dirty = true;
        if (!othersAlive) {
            done.complete(true);
        } else {
            scheduler.schedule(timeout, () -> {
                if (done.complete(false)) {
                    log.warn("{}: leave not fully gossiped within {}", config.name(), timeout);
                }
            });
        }
        return done;
    }

    /** Joins through {@code seeds} (spec §2.5). Protocol thread only. */
    public CompletableFuture<JoinResult> join(Collection<InetSocketAddress> seeds) {
        return joiner.join(seeds);
    }

    /** memberlist {@code UpdateNode}: our meta from the delegate, gossiped at the next incarnation. */
    public void updateNode() {
        byte[] meta = checkedMeta();
        membership.updateNode(meta, now());
        dirty = true;
    }

    /** memberlist {@code SendBestEffort}: one user message in one packet, no piggy-backing. Protocol thread only. */
    public void sendBestEffort(String name, InetSocketAddress to, byte[] payload) {
        messenger.sendParts(to, List.of(new UserMessage(payload)), crcFor(name));
    }

    /** memberlist {@code SendReliable}: a user message over TCP. Protocol thread only. */
    public CompletableFuture<Void> sendReliable(InetSocketAddress to, byte[] payload) {
        return streams.sendUserMessage(to, payload);
    }

    /** The largest user message {@link #sendBestEffort} accepts with this config. */
    public int maxBestEffortPayload() {
        // type byte + encryption/label overhead; compression may only make it smaller.
        return config.udpBufferSize() - 1 - wire.packetOverhead() - Broadcasts.COMPOUND_HEADER_OVERHEAD;
    }

    public GossipConfig config() {
        return config;
    }

    /** Stops every loop and closes the transport without sending anything (spec §3.7). Idempotent. */
    public void shutdown() {
        running = false;
        transport.close();
        // The raw scheduler: the node's own one skips every task once it is not running.
        raw.execute(() -> {
            prober.stop();
            gossiper.stop();
            pushPull.stop();
            digestExchange.stop();
            rejoiner.stop();
            acks.clear();
            suspicionTimers.clear();
        });
    }

    /** True on the thread that runs this node's protocol tasks (a callback, or a test driving a virtual scheduler). */
    public boolean onProtocolThread() {
        return Thread.currentThread() == protocolThread;
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Simulator only ({@link SimulationOptions#decodedPackets}): a packet that arrived as its messages, handled like
     * {@code Transport.Inbound.packet} (bounded hand-off, then dispatch on the protocol thread) minus the decoding.
     * {@code wireSize} is the packet's size on the wire.
     */
    public void receiveDecoded(InetSocketAddress from, List<Message> messages, int wireSize, long receivedNanos) {
        inbound.decoded(from, messages, wireSize, receivedNanos);
    }

    /** Runs {@code task} on the protocol thread (after what is queued) and publishes the snapshots afterwards. */
    public void submit(Runnable task) {
        scheduler.execute(task);
    }

    // ---------------------------------------------------------------- published views (any thread)

    /** Every member we know, dead and left ones included until reaped, sorted by name. */
    public List<Member> members() {
        if (lazySnapshots) {
            rebuildSnapshots();
        }
        return publishedMembers;
    }

    /** Our own entry, or null before the start task ran. */
    public Member localMember() {
        if (lazySnapshots) {
            rebuildSnapshots();
        }
        return publishedLocal;
    }

    public int healthScore() {
        return publishedHealth;
    }

    // ---------------------------------------------------------------- for the protocol classes

    long now() {
        return scheduler.nanoTime();
    }

    String localName() {
        return config.name();
    }

    InetSocketAddress advertise() {
        return advertise;
    }

    byte[] advertiseAddrBytes() {
        return advertise.getAddress().getAddress();
    }

    boolean running() {
        return running;
    }

    /** Lifeguard: probe outcomes change the health score (refutations do so inside {@link Membership}). */
    void applyAwareness(int delta) {
        awareness.applyDelta(delta);
    }

    /** The address of a node in the table, or null. */
    InetSocketAddress addressOf(String name) {
        NodeSnapshot s = membership.node(name);
        return s == null ? null : Members.socketAddress(s.addr(), s.port());
    }

    /** Whether packets to the node may carry a CRC (its PMax ≥ 5). */
    boolean crcFor(String name) {
        NodeSnapshot s = name == null || name.isEmpty() ? null : membership.node(name);
        return s != null && Members.protocolMax(s.vsn()) >= 5;
    }

    /** The delegate's node meta, null when empty (sent as nil like memberlist). */
    private byte[] checkedMeta() {
        byte[] meta = delegate.nodeMeta(GossipConfig.META_MAX_SIZE);
        if (meta != null && meta.length > GossipConfig.META_MAX_SIZE) {
            throw new IllegalArgumentException("node meta (" + meta.length + " bytes) must be at most "
                    + GossipConfig.META_MAX_SIZE + " bytes");
        }
        return meta == null || meta.length == 0 ? null : meta;
    }

    // ---------------------------------------------------------------- effects

    private void onEffect(MembershipEffect effect) {
        dirty = true;
        try {
            switch (effect) {
                case MembershipEffect.Broadcast b -> broadcasts.queue(b.node(), (Message) b.message(), onFinished(b));
                case MembershipEffect.Joined j -> listener.onJoin(Members.toMember(j.node()));
                case MembershipEffect.Updated u -> listener.onUpdate(Members.toMember(u.node()));
                case MembershipEffect.Departed d -> listener.onLeave(Members.toMember(d.node()));
                case MembershipEffect.Conflict c -> log.warn("{}: node name {} claimed by {} while known at {}",
                        config.name(), c.existing().name(), Members.socketAddress(c.other().addr(), c.other().port()),
                        Members.socketAddress(c.existing().addr(), c.existing().port()));
                case MembershipEffect.ArmSuspicionTimer a -> suspicionTimers.arm(a.node(), a.deadlineNanos());
                case MembershipEffect.CancelSuspicionTimer c -> suspicionTimers.cancel(c.node());
            }
        } catch (RuntimeException e) {
            // A throwing listener must not leave the state machine half-way through a rule.
            log.error("{}: membership listener failed on {}", config.name(), effect, e);
        }
    }

    /** Our own leave broadcast tells {@link #leave} when it has been gossiped enough. */
    private Runnable onFinished(MembershipEffect.Broadcast b) {
        if (leaveDone != null && b.node().equals(config.name()) && b.message() instanceof Dead d && d.isLeave()) {
            CompletableFuture<Boolean> done = leaveDone;
            return () -> done.complete(true);
        }
        return null;
    }

    /**
     * Re-publishes the snapshots other threads read; runs after every protocol task, and before an API future is
     * completed (so the caller, once woken, sees the state the result describes). Protocol thread only.
     */
    public void publish() {
        int health = awareness.score();
        if (health != publishedHealth) {
            publishedHealth = health;
            metrics.healthScore(health);
        }
        if (!lazySnapshots) {
            rebuildSnapshots();
        }
    }

    private void rebuildSnapshots() {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<Member> all = new ArrayList<>();
        Member local = null;
        for (NodeSnapshot s : membership.members()) {
            Member m = interner.value(Members.toMember(s));
            all.add(m);
            if (s.name().equals(config.name())) {
                local = m;
            }
        }
        all.sort((a, b) -> a.name().compareTo(b.name()));
        publishedMembers = List.copyOf(all);
        publishedLocal = local;
    }

    /** Number of members alive or suspect (memberlist {@code NumMembers}), us included. */
    public int numMembers() {
        int n = 0;
        for (Member m : members()) {
            if (m.state() == io.ipkeeper.gossip.MemberState.ALIVE || m.state() == io.ipkeeper.gossip.MemberState.SUSPECT) {
                n++;
            }
        }
        return n;
    }

    boolean isSelf(NodeSnapshot s) {
        return s.name().equals(config.name());
    }

    static boolean aliveOrSuspect(NodeStatus s) {
        return s == NodeStatus.ALIVE || s == NodeStatus.SUSPECT;
    }

    /**
     * The scheduler as the protocol classes see it: tasks are skipped once the node is shut down, a failing task is
     * logged instead of killing the thread, and the published snapshots are refreshed after each task.
     */
    private final class NodeScheduler implements Scheduler {
        private final Scheduler delegate;

        NodeScheduler(Scheduler delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nanoTime() {
            return delegate.nanoTime();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return delegate.schedule(delay, guarded(task));
        }

        @Override
        public void execute(Runnable task) {
            delegate.execute(guarded(task));
        }

        private Runnable guarded(Runnable task) {
            return () -> {
                protocolThread = Thread.currentThread();
                if (!running) {
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("{}: protocol task failed", config.name(), e);
                } finally {
                    publish();
                }
            };
        }
    }
}
