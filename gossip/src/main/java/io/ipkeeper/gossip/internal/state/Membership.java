package io.ipkeeper.gossip.internal.state;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.Dead;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import io.ipkeeper.gossip.internal.wire.Suspect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The membership state machine of one node: memberlist 0.2.2 {@code state.go} ({@code aliveNode}, {@code suspectNode},
 * {@code deadNode}, {@code refute}, {@code mergeState}, {@code resetNodes}, {@code setAlive}, {@code Leave}), spec §3,
 * with one deliberate difference:
 *
 * <p><b>The stored incarnation is the highest of all accepted evidence.</b> memberlist ignores a suspect or dead about a
 * node that is already suspect/dead/left even when it carries a higher incarnation, so Alive@1 → Dead@1 → Dead@10 →
 * Alive@2 resurrects the node (al8n/memberlist#197). Here such a message raises the stored incarnation (state and
 * state-change time unchanged, no event) and is re-gossiped, so the whole cluster rejects the stale alive. Every
 * incarnation about a node originates from that node's own alive messages, so a higher number is proof that any alive
 * at or below it is stale. The terminal state is kept as first entered: a higher dead about a left node stays left and
 * vice versa (the departure event has been sent; left vs dead then only decides gossip-to-the-dead and address reclaim,
 * and flipping it on second-hand news would make nodes disagree for no gain).
 *
 * <p>Inputs are the decoded wire records plus {@code nowNanos}; outputs are {@link MembershipEffect}s. The owner
 * (protocol layer) calls, all on one thread:
 * <ul>
 *   <li>{@link #start} once, then {@link #updateNode} / {@link #leave} for the local node;
 *   <li>{@link #aliveNode}, {@link #suspectNode}, {@link #deadNode} for gossip, {@link #mergeState} for push/pull,
 *       {@link #suspectNode} with {@code From = us} for a failed probe;
 *   <li>{@link #suspicionTimeout} when a timer armed by {@link MembershipEffect.ArmSuspicionTimer} fires;
 *   <li>{@link #nextProbeTarget} from the probe loop (reaps and reshuffles on wrap-around).
 * </ul>
 */
public final class Membership {
    private final String localName;
    private final NodeTable table;
    private final Awareness awareness;
    private final Consumer<MembershipEffect> effects;
    private final boolean legacyDeadRemoval;
    private final boolean fixedSuspicionTimeout;
    private final boolean quietMerge;
    /** True while {@link #mergeState} applies alive records with {@link Builder#quietMerge}: no re-broadcast. */
    private boolean merging;
    private final Interner interner;
    /** The view digest for digest anti-entropy; null when that mode is off (nothing is computed then). */
    private final StateDigest digest;
    private final int suspicionMult;
    private final int suspicionMaxTimeoutMult;
    private final long probeIntervalNanos;
    private final long gossipToTheDeadNanos;
    private final long deadNodeReclaimNanos;
    private final Predicate<byte[]> addressAllowed;
    private final Predicate<Alive> aliveFilter;
    private final Map<String, Suspicion> suspicions = new HashMap<>();
    private long localIncarnation;
    private boolean leaving;
    private int probeIndex;

    private Membership(Builder b) {
        this.localName = b.localName;
        this.table = new NodeTable(b.random);
        this.awareness = b.awareness;
        this.effects = b.effects;
        this.legacyDeadRemoval = b.legacyDeadRemoval;
        this.fixedSuspicionTimeout = b.fixedSuspicionTimeout;
        this.quietMerge = b.quietMerge;
        this.interner = b.interner;
        this.digest = b.digest ? new StateDigest() : null;
        this.suspicionMult = b.suspicionMult;
        this.suspicionMaxTimeoutMult = b.suspicionMaxTimeoutMult;
        this.probeIntervalNanos = b.probeInterval.toNanos();
        this.gossipToTheDeadNanos = b.gossipToTheDeadTime.toNanos();
        this.deadNodeReclaimNanos = b.deadNodeReclaimTime.toNanos();
        this.addressAllowed = b.addressAllowed;
        this.aliveFilter = b.aliveFilter;
    }

    /** A builder with memberlist's LAN timings; {@code random} and {@code effects} must be set. */
    public static Builder builder(String localName) {
        return new Builder(localName);
    }

    // ---------------------------------------------------------------- local node

    /** memberlist {@code setAlive}: our first alive, incarnation 1, gossiped; emits {@code Joined} for ourselves. */
    public void start(byte[] addr, int port, byte[] meta, byte[] vsn, long nowNanos) {
        if (table.get(localName) != null) {
            throw new IllegalStateException("membership of " + localName + " is already started");
        }
        aliveNode(new Alive(nextIncarnation(), localName, addr, port, meta, vsn), true, nowNanos);
    }

    /** memberlist {@code UpdateNode}: new meta at the next incarnation, gossiped. Ignored after {@link #leave}. */
    public void updateNode(byte[] meta, long nowNanos) {
        NodeState me = self();
        aliveNode(new Alive(nextIncarnation(), localName, me.addr(), me.port(), meta, me.vsn()), true, nowNanos);
    }

    /**
     * memberlist {@code Leave}: sets the leave flag and marks us {@link NodeStatus#LEFT left} with a dead message from
     * ourselves, which is broadcast. Idempotent.
     *
     * @return true if another node is alive, so the caller should wait (up to its timeout) until that broadcast has used
     *     up its retransmits before shutting down
     */
    public boolean leave(long nowNanos) {
        if (!leaving) {
            leaving = true;
            NodeState me = self();
            deadNode(new Dead(me.incarnation(), localName, localName), nowNanos);
        }
        return anyOtherAlive();
    }

    // ---------------------------------------------------------------- §3.2 alive

    /**
     * memberlist {@code aliveNode} (spec §3.2), for an alive message, an alive push/pull record, or (with
     * {@code bootstrap}) our own start/update.
     */
    public void aliveNode(Alive a, boolean bootstrap, long nowNanos) {
        boolean isLocal = a.node().equals(localName);
        // 1. An alive about us queued before we left would make us rejoin.
        if (leaving && isLocal) {
            return;
        }
        // 2. Reject impossible protocol ranges.
        byte[] vsn = a.vsn();
        if (vsn != null && vsn.length >= 3) {
            int pMin = vsn[0] & 0xFF;
            int pMax = vsn[1] & 0xFF;
            if (pMin == 0 || pMax == 0 || pMin > pMax) {
                return;
            }
        }
        // 3. Alive delegate: needs the full version array and may veto the node.
        if (aliveFilter != null && (vsn == null || vsn.length < 6 || !aliveFilter.test(a))) {
            return;
        }
        // 4. Unknown name: create a dead entry at incarnation 0 so the first alive is a dead→alive join.
        NodeState state = table.get(a.node());
        boolean updatesNode = false;
        if (state == null) {
            if (!addressAllowed.test(a.addr())) {
                return;
            }
            state = new NodeState(interner.string(a.node()), interner.bytes(a.addr()), a.port(),
                    interner.bytes(a.meta()), interner.bytes(fullVsnOrNull(vsn)), 0, NodeStatus.DEAD, nowNanos);
            table.add(state);
        } else if (!state.sameAddress(a.addr(), a.port())) {
            boolean canReclaim = deadNodeReclaimNanos > 0 && nowNanos - state.stateChangeNanos() > deadNodeReclaimNanos;
            if (state.status() == NodeStatus.LEFT || (state.status() == NodeStatus.DEAD && canReclaim)) {
                updatesNode = true;
            } else {
                effects.accept(new MembershipEffect.Conflict(state.snapshot(), a));
                return;
            }
        }
        // 5. Strictly newer for others (the replay guard); about us only "not older".
        long known = state.incarnation();
        if (!isLocal && !updatesNode && a.incarnation() <= known) {
            if (a.incarnation() == known) {
                learnCapabilities(state, vsn);
            }
            return;
        }
        if (isLocal && a.incarnation() < known) {
            return;
        }
        // 6. Any suspicion is over.
        cancelSuspicion(a.node());
        NodeStatus oldStatus = state.status();
        byte[] oldMeta = state.meta();
        // 7. Someone else's view of us: refute unless it is exactly what we announce.
        if (isLocal && !bootstrap) {
            if (a.incarnation() == known && Arrays.equals(a.meta(), state.meta()) && sameVersions(vsn, state.vsn())) {
                return;
            }
            refute(state, a.incarnation());
            return;
        }
        if (!merging) {
            broadcast(a.node(), a);
        }
        if (vsn != null && vsn.length >= 6) {
            state.setVsn(interner.bytes(vsn));
        }
        state.setMeta(interner.bytes(a.meta()));
        state.setAddress(interner.bytes(a.addr()), a.port());
        setState(state, a.incarnation(), NodeStatus.ALIVE, nowNanos);
        // 8. Events.
        if (oldStatus.isDeadOrLeft()) {
            effects.accept(new MembershipEffect.Joined(state.snapshot()));
        } else if (!Arrays.equals(oldMeta, state.meta())) {
            effects.accept(new MembershipEffect.Updated(state.snapshot()));
        }
    }

    // ---------------------------------------------------------------- §3.3 suspect

    /** memberlist {@code suspectNode} (spec §3.3), plus highest-evidence incarnation (see class doc). */
    public void suspectNode(Suspect s, long nowNanos) {
        NodeState state = table.get(s.node());
        // 1. Unknown or older: nothing to learn.
        if (state == null || s.incarnation() < state.incarnation()) {
            return;
        }
        boolean isLocal = s.node().equals(localName);
        // 2. Already suspected: a new accuser is a confirmation (shrinks the timer) and is re-gossiped.
        Suspicion timer = suspicions.get(s.node());
        if (timer != null) {
            boolean confirmed = timer.confirm(s.from());
            boolean raised = raiseIncarnation(state, s.incarnation());
            if (confirmed || raised) {
                broadcast(s.node(), s);
            }
            if (confirmed) {
                effects.accept(new MembershipEffect.ArmSuspicionTimer(s.node(), timer.deadlineNanos()));
            }
            return;
        }
        // 3. Not alive: a suspect never revives a dead or left node. Beyond memberlist: a higher incarnation is kept.
        if (state.status() != NodeStatus.ALIVE) {
            if (!isLocal && raiseIncarnation(state, s.incarnation())) {
                broadcast(s.node(), s);
            }
            return;
        }
        // 4. We never suspect ourselves.
        if (isLocal) {
            refute(state, s.incarnation());
            return;
        }
        // 5. Suspect it and start the (Lifeguard) suspicion timer.
        broadcast(s.node(), s);
        setState(state, s.incarnation(), NodeStatus.SUSPECT, nowNanos);
        int n = table.numNodes();
        // k confirmations wanted; fewer possible when there are not enough other nodes (minus us and the suspect).
        int k = suspicionMult - 2;
        if (n - 2 < k || fixedSuspicionTimeout) {
            k = 0;
        }
        long min = GossipMath.suspicionTimeoutNanos(suspicionMult, n, probeIntervalNanos);
        long max = fixedSuspicionTimeout ? min : suspicionMaxTimeoutMult * min;
        Suspicion created = new Suspicion(s.from(), k, min, max, nowNanos);
        suspicions.put(s.node(), created);
        effects.accept(new MembershipEffect.ArmSuspicionTimer(s.node(), created.deadlineNanos()));
    }

    /**
     * The suspicion timer of {@code node} fired. If the node is still suspect since the same moment, it is declared dead
     * (a dead from us at its current incarnation). A timer fired before its (possibly moved) deadline is re-armed.
     */
    public void suspicionTimeout(String node, long nowNanos) {
        Suspicion timer = suspicions.get(node);
        if (timer == null) {
            return;
        }
        if (timer.deadlineNanos() > nowNanos) {
            effects.accept(new MembershipEffect.ArmSuspicionTimer(node, timer.deadlineNanos()));
            return;
        }
        NodeState state = table.get(node);
        if (state != null && state.status() == NodeStatus.SUSPECT && state.stateChangeNanos() == timer.startNanos()) {
            deadNode(new Dead(state.incarnation(), node, localName), nowNanos);
        } else {
            suspicions.remove(node);
        }
    }

    // ---------------------------------------------------------------- §3.4 dead

    /** memberlist {@code deadNode} (spec §3.4), plus highest-evidence incarnation (see class doc). */
    public void deadNode(Dead d, long nowNanos) {
        NodeState state = table.get(d.node());
        // 1. Unknown or older (equal is accepted).
        if (state == null || d.incarnation() < state.incarnation()) {
            return;
        }
        boolean isLocal = d.node().equals(localName);
        // 2. Any suspicion is settled either way.
        cancelSuspicion(d.node());
        if (state.status().isDeadOrLeft()) {
            // memberlist stops here; we keep the higher incarnation and re-gossip it (al8n/memberlist#197).
            if (!isLocal && raiseIncarnation(state, d.incarnation())) {
                broadcast(d.node(), d);
            }
            return;
        }
        // 3. About us: refute unless we are the one leaving.
        if (isLocal && !leaving) {
            refute(state, d.incarnation());
            return;
        }
        broadcast(d.node(), d);
        // 4. Dead or, if it announced it itself, left.
        setState(state, d.incarnation(), d.isLeave() ? NodeStatus.LEFT : NodeStatus.DEAD, nowNanos);
        effects.accept(new MembershipEffect.Departed(state.snapshot()));
        if (legacyDeadRemoval && !isLocal) {
            // The 2014 bug: forget the name (and with it the incarnation) while the entry stays in the probe list.
            table.removeFromIndex(state);
        }
    }

    // ---------------------------------------------------------------- §3.5 refute, §3.6 merge

    /**
     * memberlist {@code refute}: take an incarnation above the accusation, raise awareness by one, and gossip an alive
     * with our current address, meta and versions. (memberlist names this broadcast by our IP string; we name it by our
     * node name so it replaces our own older alive in the queue.)
     */
    private void refute(NodeState me, long accusedIncarnation) {
        long inc = nextIncarnation();
        if (accusedIncarnation >= inc) {
            inc = skipIncarnation(accusedIncarnation - inc + 1);
        }
        setState(me, inc, me.status(), 0);
        awareness.applyDelta(1);
        broadcast(me.name(), new Alive(inc, me.name(), me.addr(), me.port(), me.meta(), me.vsn()));
    }

    /**
     * memberlist {@code mergeState} (spec §3.6): alive records go through {@link #aliveNode}, left records through
     * {@link #deadNode} as a leave, and dead or suspect records only start a local suspicion (from us), never an
     * immediate death. Records with an unknown state value are ignored.
     */
    public void mergeState(List<PushNodeState> remote, long nowNanos) {
        mergeState(remote, nowNanos, false, null);
    }

    /**
     * As {@link #mergeState(List, long)}, for the digest anti-entropy: alive records that are news to us are applied
     * without being re-broadcast (the digest rounds repair every node within a few of their frequent rounds, so
     * re-gossiping what a node learnt from a peer, memberlist's rule, which makes a joining node queue one broadcast per
     * member, only adds load); and a dead or suspect record counts as an accusation <i>by that peer</i>, so records from
     * several peers confirm a suspicion and shorten its Lifeguard timeout, instead of each starting a suspicion of our
     * own that nobody ever confirms (which would run to the maximum timeout).
     *
     * @param accuser the peer the records came from, or null to accuse as ourselves (memberlist's rule)
     */
    public void mergeState(List<PushNodeState> remote, long nowNanos, boolean quiet, String accuser) {
        for (PushNodeState r : remote) {
            NodeStatus status = NodeStatus.fromWireCode(r.state());
            if (status == null) {
                continue;
            }
            switch (status) {
                case ALIVE -> {
                    merging = quietMerge || quiet;
                    try {
                        aliveNode(new Alive(r.incarnation(), r.name(), r.addr(), r.port(), r.meta(), r.vsn()), false,
                                nowNanos);
                    } finally {
                        merging = false;
                    }
                }
                case LEFT -> deadNode(new Dead(r.incarnation(), r.name(), r.name()), nowNanos);
                case DEAD, SUSPECT -> suspectNode(new Suspect(r.incarnation(), r.name(),
                        accuser == null ? localName : accuser), nowNanos);
            }
        }
    }

    /** Our side of a push/pull: every entry of the table (dead and left ones included until reaped). */
    public List<PushNodeState> localState() {
        List<PushNodeState> out = new ArrayList<>(table.numNodes());
        for (int i = 0; i < table.numNodes(); i++) {
            NodeState s = table.at(i);
            out.add(new PushNodeState(s.name(), s.addr(), s.port(), s.meta(), s.incarnation(), s.status().wireCode(),
                    s.vsn()));
        }
        return out;
    }

    /**
     * Our records whose names fall into the marked buckets (of {@code buckets}), dead and left ones included: the reply
     * of a digest anti-entropy round. Returns an empty list when the digest is off.
     */
    public List<PushNodeState> recordsInBuckets(int buckets, java.util.BitSet marked) {
        List<PushNodeState> out = new ArrayList<>();
        for (int i = 0; i < table.numNodes(); i++) {
            NodeState s = table.at(i);
            if (marked.get(StateDigest.bucketOf(s.name(), buckets))) {
                out.add(new PushNodeState(s.name(), s.addr(), s.port(), s.meta(), s.incarnation(),
                        s.status().wireCode(), s.vsn()));
            }
        }
        return out;
    }

    /** The view digest, or null when digest anti-entropy is off ({@link Builder#digest}). */
    public StateDigest digest() {
        return digest;
    }

    // ---------------------------------------------------------------- probing and reaping

    /**
     * memberlist {@code probe} target selection: the next node in the probe order that is neither us nor dead/left;
     * when the walk wraps around, dead and left nodes older than {@code gossipToTheDeadTime} are reaped and the order is
     * reshuffled ({@link #resetNodes}). Like memberlist, it gives up after looking at {@code numNodes} positions
     * (wrap-arounds included) and returns null: nothing to probe this tick, the walk continues on the next call.
     */
    public NodeSnapshot nextProbeTarget(long nowNanos) {
        int checked = 0;
        while (checked < table.numNodes()) {
            if (probeIndex >= table.numNodes()) {
                resetNodes(nowNanos);
                probeIndex = 0;
                checked++;
                continue;
            }
            NodeState candidate = table.at(probeIndex++);
            if (candidate.name().equals(localName) || candidate.status().isDeadOrLeft()) {
                checked++;
                continue;
            }
            return candidate.snapshot();
        }
        return null;
    }

    /**
     * memberlist HEAD {@code resetNodes}: reaps dead <i>and left</i> nodes whose state changed more than
     * {@code gossipToTheDeadTime} ago (0.2.2 never reaps left nodes, so its table only grows), except ourselves, and
     * reshuffles the probe order.
     *
     * @return how many entries were reaped
     */
    public int resetNodes(long nowNanos) {
        return table.reapAndShuffle(nowNanos, gossipToTheDeadNanos, localName);
    }

    // ---------------------------------------------------------------- queries

    /** The entry for {@code name}, or null if unknown (or, in legacy mode, forgotten). */
    public NodeSnapshot node(String name) {
        NodeState s = table.get(name);
        return s == null ? null : s.snapshot();
    }

    /** Every entry in probe order, dead and left ones included. */
    public List<NodeSnapshot> members() {
        List<NodeSnapshot> out = new ArrayList<>(table.numNodes());
        for (int i = 0; i < table.numNodes(); i++) {
            out.add(table.at(i).snapshot());
        }
        return out;
    }

    /** The cluster-size estimate used in every formula (self and unreaped dead/left nodes included). */
    public int numNodes() {
        return table.numNodes();
    }

    /** The deadline of the running suspicion timer of {@code node}, if any. */
    public OptionalLong suspicionDeadline(String node) {
        Suspicion s = suspicions.get(node);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.deadlineNanos());
    }

    /** Any node other than us that is alive or suspect (memberlist {@code anyAlive}). */
    public boolean anyOtherAlive() {
        for (int i = 0; i < table.numNodes(); i++) {
            NodeState s = table.at(i);
            if (!s.status().isDeadOrLeft() && !s.name().equals(localName)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasLeft() {
        return leaving;
    }

    public String localName() {
        return localName;
    }

    /** The last incarnation we used for ourselves. */
    public long localIncarnation() {
        return localIncarnation;
    }

    public Awareness awareness() {
        return awareness;
    }

    public boolean legacyDeadRemoval() {
        return legacyDeadRemoval;
    }

    /** The table itself, for the protocol layer's random peer selection and for white-box tests. */
    public NodeTable table() {
        return table;
    }

    // ---------------------------------------------------------------- helpers

    private NodeState self() {
        NodeState me = table.get(localName);
        if (me == null) {
            throw new IllegalStateException("membership of " + localName + " is not started");
        }
        return me;
    }

    private long nextIncarnation() {
        return ++localIncarnation;
    }

    private long skipIncarnation(long offset) {
        localIncarnation += offset;
        return localIncarnation;
    }

    private boolean raiseIncarnation(NodeState state, long incarnation) {
        if (incarnation > state.incarnation()) {
            setState(state, incarnation, state.status(), 0);
            return true;
        }
        return false;
    }

    /**
     * Every change of an entry's incarnation or status goes through here, so the {@link StateDigest} follows the table.
     * The state-change time moves only when the status does.
     */
    private void setState(NodeState state, long incarnation, NodeStatus status, long nowNanos) {
        if (digest != null) {
            digest.remove(state);
        }
        state.setIncarnation(incarnation);
        if (state.status() != status) {
            state.setStatus(status, nowNanos);
        }
        if (digest != null) {
            digest.add(state);
        }
    }

    private void cancelSuspicion(String node) {
        if (suspicions.remove(node) != null) {
            effects.accept(new MembershipEffect.CancelSuspicionTimer(node));
        }
    }

    private void broadcast(String node, Record message) {
        effects.accept(new MembershipEffect.Broadcast(node, message));
    }

    /**
     * The same alive again, but with ipkeeper's capability byte where we stored only memberlist's six bytes: we first
     * learnt the node through a Go peer, which keeps six bytes. The capability comes from the node's own alive message
     * (Go relays those unchanged), so it is taken; nothing else changes and nothing is gossiped.
     */
    private void learnCapabilities(NodeState state, byte[] vsn) {
        byte[] known = state.vsn();
        if (vsn != null && vsn.length > 6 && known != null && known.length == 6 && Arrays.equals(vsn, 0, 6, known, 0, 6)) {
            state.setVsn(interner.bytes(vsn));
        }
    }

    /**
     * memberlist compares the whole Vsn. Ours may carry ipkeeper's capability byte after memberlist's six; a Go node
     * keeps only the six and echoes them in its push/pull, which is no contradiction to refute.
     */
    private static boolean sameVersions(byte[] theirs, byte[] ours) {
        if (Arrays.equals(theirs, ours)) {
            return true;
        }
        return theirs != null && ours != null && theirs.length == 6 && ours.length > 6
                && Arrays.equals(theirs, 0, 6, ours, 0, 6);
    }

    private static byte[] fullVsnOrNull(byte[] vsn) {
        return vsn != null && vsn.length >= 6 ? vsn : null;
    }

    /** Settings of one {@link Membership}. Internal: {@code legacyDeadRemoval} must never reach the public API. */
    public static final class Builder {
        private final String localName;
        private RandomGenerator random;
        private Consumer<MembershipEffect> effects;
        private Awareness awareness;
        private boolean legacyDeadRemoval;
        private boolean fixedSuspicionTimeout;
        private boolean quietMerge;
        private boolean digest;
        private Interner interner = Interner.NONE;
        private int suspicionMult = 4;
        private int suspicionMaxTimeoutMult = 6;
        private int awarenessMaxMultiplier = 8;
        private Duration probeInterval = Duration.ofSeconds(1);
        private Duration gossipToTheDeadTime = Duration.ofSeconds(30);
        private Duration deadNodeReclaimTime = Duration.ZERO;
        private Predicate<byte[]> addressAllowed = addr -> true;
        private Predicate<Alive> aliveFilter;

        private Builder(String localName) {
            if (localName == null || localName.isEmpty()) {
                throw new IllegalArgumentException("localName must be a non-empty node name");
            }
            this.localName = localName;
        }

        /** Takes every timing and multiplier from a validated config. */
        public Builder config(GossipConfig config) {
            this.suspicionMult = config.suspicionMult();
            this.suspicionMaxTimeoutMult = config.suspicionMaxTimeoutMult();
            this.awarenessMaxMultiplier = config.awarenessMaxMultiplier();
            this.probeInterval = config.probeInterval();
            this.gossipToTheDeadTime = config.gossipToTheDeadTime();
            this.deadNodeReclaimTime = config.deadNodeReclaimTime();
            return this;
        }

        /** Random source for probe-order insertion and shuffles (seeded in the simulator). Required. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** Where effects go, synchronously and in order. Required. */
        public Builder effects(Consumer<MembershipEffect> effects) {
            this.effects = effects;
            return this;
        }

        /** Shared health score (the probe loop updates it too); default: a new one with the configured maximum. */
        public Builder awareness(Awareness awareness) {
            this.awareness = awareness;
            return this;
        }

        public Builder suspicionMult(int suspicionMult) {
            this.suspicionMult = suspicionMult;
            return this;
        }

        public Builder suspicionMaxTimeoutMult(int suspicionMaxTimeoutMult) {
            this.suspicionMaxTimeoutMult = suspicionMaxTimeoutMult;
            return this;
        }

        public Builder probeInterval(Duration probeInterval) {
            this.probeInterval = probeInterval;
            return this;
        }

        public Builder gossipToTheDeadTime(Duration gossipToTheDeadTime) {
            this.gossipToTheDeadTime = gossipToTheDeadTime;
            return this;
        }

        public Builder deadNodeReclaimTime(Duration deadNodeReclaimTime) {
            this.deadNodeReclaimTime = deadNodeReclaimTime;
            return this;
        }

        /** memberlist {@code CIDRsAllowed} for new nodes; default: every address. */
        public Builder addressAllowed(Predicate<byte[]> addressAllowed) {
            this.addressAllowed = Objects.requireNonNull(addressAllowed, "addressAllowed");
            return this;
        }

        /** memberlist {@code AliveDelegate}: when set, alives need a 6-byte Vsn and must pass the filter. */
        public Builder aliveFilter(Predicate<Alive> aliveFilter) {
            this.aliveFilter = aliveFilter;
            return this;
        }

        /**
         * Reproduces memberlist ≤ 0.4.1 before commit 63ef41a (Nov 2014, spec §3.9): a dead node is dropped from the name
         * index at once while it stays in the probe list, so a replayed alive is taken for a new node. For the simulator
         * and tests that show the 2014 storm; never expose it.
         */
        public Builder legacyDeadRemoval(boolean legacyDeadRemoval) {
            this.legacyDeadRemoval = legacyDeadRemoval;
            return this;
        }

        /**
         * Plain SWIM suspicion (pre-Lifeguard memberlist): every suspicion lasts the minimum timeout
         * ({@code suspicionMult × log10(n) × probeInterval}); further accusers neither shorten it nor are re-gossiped.
         * For the simulator's Lifeguard-off baseline only; never expose it.
         */
        public Builder fixedSuspicionTimeout(boolean fixedSuspicionTimeout) {
            this.fixedSuspicionTimeout = fixedSuspicionTimeout;
            return this;
        }

        /**
         * Simulator experiment only, never exposed: alive records learned through a push/pull merge are applied but not
         * re-broadcast (memberlist re-broadcasts them, so a node joining an N-node cluster queues N alive messages,
         * each sent {@code retransmitLimit} times). Updates then spread by the originator's own broadcast and by
         * push/pull. Default false (memberlist behaviour).
         */
        public Builder quietMerge(boolean quietMerge) {
            this.quietMerge = quietMerge;
            return this;
        }

        /** Maintains a {@link StateDigest} of the view (digest anti-entropy); default off. */
        public Builder digest(boolean digest) {
            this.digest = digest;
            return this;
        }

        /** Shares names, addresses, versions and meta between the tables of one JVM (simulator); default: none. */
        public Builder interner(Interner interner) {
            this.interner = Objects.requireNonNull(interner, "interner");
            return this;
        }

        public Membership build() {
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(effects, "effects");
            require(suspicionMult >= 1, "suspicionMult (" + suspicionMult + ") must be at least 1");
            require(suspicionMaxTimeoutMult >= 1,
                    "suspicionMaxTimeoutMult (" + suspicionMaxTimeoutMult + ") must be at least 1");
            require(probeInterval.isPositive(), "probeInterval (" + probeInterval + ") must be positive");
            require(!gossipToTheDeadTime.isNegative(),
                    "gossipToTheDeadTime (" + gossipToTheDeadTime + ") must not be negative");
            require(!deadNodeReclaimTime.isNegative(),
                    "deadNodeReclaimTime (" + deadNodeReclaimTime + ") must not be negative");
            if (awareness == null) {
                awareness = new Awareness(awarenessMaxMultiplier);
            }
            return new Membership(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
