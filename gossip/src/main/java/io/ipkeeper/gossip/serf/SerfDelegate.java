package io.ipkeeper.gossip.serf;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.gossip.internal.state.TransmitLimitedQueue;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.serf.SerfCodec;
import io.ipkeeper.gossip.internal.wire.serf.SerfJoin;
import io.ipkeeper.gossip.internal.wire.serf.SerfLeave;
import io.ipkeeper.gossip.internal.wire.serf.SerfMessage;
import io.ipkeeper.gossip.internal.wire.serf.SerfPushPull;
import io.ipkeeper.gossip.internal.wire.serf.SerfQuery;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import io.ipkeeper.gossip.internal.wire.serf.SerfUserEvent;
import io.ipkeeper.gossip.internal.wire.serf.UserEventEntry;
import io.ipkeeper.gossip.internal.wire.serf.UserEventsSlot;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Serf layer as memberlist hooks (Serf's {@code delegate.go} and {@code event_delegate.go}): plug it into a node as
 * both its {@link Delegate} and a {@link MembershipListener}, and build the node's config with
 * {@link #configure(GossipConfig.Builder)}. {@link Serf} does all of that; use this class directly only to combine
 * Serf with other hooks.
 *
 * <p>What it does, as Serf 0.9.4: tags in node meta; a member, an event and a query Lamport clock, fed by everything
 * received; join and leave intents and user events, each applied and re-broadcast when it is news (an intent with a
 * status time above the member's, an event not in the recent-event buffer); Serf's push/pull user state, sent and
 * merged. Queries are read only to advance the query clock: they are neither answered nor re-broadcast.
 *
 * <p>Thread-safe: memberlist calls the hooks on its protocol thread, the application sends events from its own; one
 * lock guards the state, and listener callbacks run outside it.
 */
public final class SerfDelegate implements Delegate, MembershipListener {
    /** Serf 0.9.x's delegate protocol range and the version the agent speaks (spec §5, §6.3). */
    public static final int DELEGATE_PROTOCOL_MIN = 2;
    public static final int DELEGATE_PROTOCOL_MAX = 5;
    public static final int DELEGATE_PROTOCOL_VERSION = 5;
    /** Serf's {@code UserEventSizeLimit} default: the encoded event must fit. */
    public static final int USER_EVENT_SIZE_LIMIT = 512;
    /** Serf's {@code EventBuffer} default. */
    static final int EVENT_BUFFER_SIZE = SerfPushPull.DEFAULT_EVENT_BUFFER;
    /** Serf's {@code MaxQueueDepth} default for each of its broadcast queues. */
    static final int MAX_QUEUE_DEPTH = 4096;

    private static final Logger log = LoggerFactory.getLogger(SerfDelegate.class);

    private final String nodeName;
    private volatile Map<String, String> tags;
    private volatile byte[] meta;
    private final SerfListener listener;

    private final Object lock = new Object();
    private final LamportClock memberClock = new LamportClock();
    private final LamportClock eventClock = new LamportClock();
    private final LamportClock queryClock = new LamportClock();
    private final MemberTable table;
    private final EventBuffer events = new EventBuffer(EVENT_BUFFER_SIZE);
    /** Serf's {@code broadcasts} (intents), sent before {@code eventBroadcasts}; unique broadcasts, never replaced. */
    private final TransmitLimitedQueue<byte[]> intentQueue;
    private final TransmitLimitedQueue<byte[]> eventQueue;
    private boolean leaving;
    private boolean ignoreEventsOfJoin;

    /**
     * @param nodeName this node's name (as in its {@link GossipConfig})
     * @param tags this node's tags; encoded they must fit memberlist's 512-byte meta
     * @param retransmitMult the node's {@link GossipConfig#retransmitMult()}: Serf's queues use memberlist's
     * @param numMembers the node's current member count (Serf's {@code NumNodes}), read when broadcasts are taken
     * @param listener member and user events
     */
    public SerfDelegate(String nodeName, Map<String, String> tags, int retransmitMult, IntSupplier numMembers,
            SerfListener listener) {
        this(nodeName, tags, retransmitMult, numMembers, listener, InstantSource.system());
    }

    SerfDelegate(String nodeName, Map<String, String> tags, int retransmitMult, IntSupplier numMembers,
            SerfListener listener, InstantSource clock) {
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.tags = Map.copyOf(tags);
        this.meta = SerfTags.encode(this.tags); // fails on tags over 512 bytes, naming the size
        this.listener = Objects.requireNonNull(listener, "listener");
        this.table = new MemberTable(nodeName, clock);
        this.intentQueue = new TransmitLimitedQueue<>(retransmitMult, numMembers, MAX_QUEUE_DEPTH);
        this.eventQueue = new TransmitLimitedQueue<>(retransmitMult, numMembers, MAX_QUEUE_DEPTH);
        // Serf's clocks start at 1: serf.Create increments each once.
        memberClock.increment();
        eventClock.increment();
        queryClock.increment();
    }

    /** Sets the delegate protocol versions Serf 0.9.x insists on ({@code Vsn} {@code [1,5,2,2,5,5]}). */
    public static GossipConfig.Builder configure(GossipConfig.Builder builder) {
        return builder.delegateProtocol(DELEGATE_PROTOCOL_MIN, DELEGATE_PROTOCOL_MAX, DELEGATE_PROTOCOL_VERSION);
    }

    /** A member's tags as Serf reads them from its meta (plain meta is the single tag {@code role}). */
    public static Map<String, String> tagsOf(Member member) {
        return SerfTagsView.of(member);
    }

    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Replaces our tags (Serf's {@code SetTags}); the node must then re-announce its meta
     * ({@code Memberlist.updateNode()}), which {@link Serf#setTags} does.
     *
     * @throws IllegalArgumentException if the encoded tags exceed 512 bytes (the old tags stay)
     */
    public void setTags(Map<String, String> newTags) {
        Map<String, String> copy = Map.copyOf(newTags);
        byte[] encoded = SerfTags.encode(copy);
        synchronized (lock) {
            tags = copy;
            meta = encoded;
        }
    }

    // ------------------------------------------------------------------ Delegate

    @Override
    public byte[] nodeMeta(int limit) {
        return meta.length <= limit ? meta.clone() : new byte[0];
    }

    @Override
    public void notifyMessage(byte[] message) {
        receive(message);
    }

    /**
     * Handles one Serf message (a memberlist user message) and tells whether it was news: a new intent or event, which
     * is then applied and re-broadcast. Anything else (old, not Serf, malformed, a query) returns false.
     */
    public boolean receive(byte[] message) {
        SerfMessage decoded;
        try {
            decoded = SerfCodec.decode(message, "serf");
        } catch (WireFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
            log.debug("ignoring a user message that is not a Serf message: {}", e.getMessage());
            return false;
        }
        List<Runnable> callbacks = new ArrayList<>();
        boolean news;
        synchronized (lock) {
            news = switch (decoded) {
                case SerfJoin j -> {
                    memberClock.witness(j.lTime());
                    yield table.joinIntent(j.node(), j.lTime());
                }
                case SerfLeave l -> leaveIntent(l, callbacks);
                case SerfUserEvent e -> userEvent(e, callbacks);
                case SerfQuery q -> {
                    queryClock.witness(q.lTime());
                    yield false;
                }
                default -> false;
            };
            if (news) {
                queue(decoded instanceof SerfUserEvent ? eventQueue : intentQueue, message.clone(), null);
            }
        }
        callbacks.forEach(Runnable::run);
        return news;
    }

    private boolean leaveIntent(SerfLeave l, List<Runnable> callbacks) {
        memberClock.witness(l.lTime());
        return switch (table.leaveIntent(l.node(), l.lTime(), !leaving)) {
            case STALE -> false;
            case NEWS -> true;
            case NEWS_NOW_LEFT -> {
                SerfMember now = table.members().stream().filter(m -> m.name().equals(l.node())).findFirst().orElseThrow();
                callbacks.add(() -> listener.onMemberLeave(now));
                yield true;
            }
            case REFUTE -> {
                log.debug("refuting a leave intent about us at ltime {}", Long.toUnsignedString(l.lTime()));
                queueJoinIntent(memberClock.time());
                yield false;
            }
        };
    }

    private boolean userEvent(SerfUserEvent e, List<Runnable> callbacks) {
        eventClock.witness(e.lTime());
        if (!events.record(e.lTime(), e.name(), e.payload(), eventClock.time())) {
            return false;
        }
        UserEvent event = new UserEvent(e.lTime(), e.name(), e.payload(), e.cc());
        callbacks.add(() -> listener.onUserEvent(event));
        return true;
    }

    /** Serf's order: intents, then events (queries, which we never queue, would come between). */
    @Override
    public List<byte[]> broadcasts(int overhead, int limit) {
        synchronized (lock) {
            List<byte[]> out = new ArrayList<>(intentQueue.getBroadcasts(overhead, limit));
            int used = 0;
            for (byte[] b : out) {
                used += b.length + overhead;
            }
            out.addAll(eventQueue.getBroadcasts(overhead, limit - used));
            return out;
        }
    }

    @Override
    public byte[] localState(boolean join) {
        synchronized (lock) {
            return SerfCodec.encode(new SerfPushPull(memberClock.time(), table.statusTimes(), table.leftMembers(),
                    eventClock.time(), events.snapshot(), queryClock.time()));
        }
    }

    @Override
    public void mergeRemoteState(byte[] state, boolean join) {
        SerfPushPull pp;
        try {
            if (!(SerfCodec.decode(state, "serf-state") instanceof SerfPushPull p)) {
                return;
            }
            pp = p;
        } catch (WireFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
            log.debug("ignoring remote state that is not Serf's push/pull: {}", e.getMessage());
            return;
        }
        List<Runnable> callbacks = new ArrayList<>();
        synchronized (lock) {
            // Minus one: no message with the sender's current time has been sent yet (Serf's MergeRemoteState).
            if (pp.lTime() != 0) {
                memberClock.witness(pp.lTime() - 1);
            }
            if (pp.eventLTime() != 0) {
                eventClock.witness(pp.eventLTime() - 1);
            }
            if (pp.queryLTime() != 0) {
                queryClock.witness(pp.queryLTime() - 1);
            }
            // Left members first, one past their status time: the leave was accepted after it.
            Set<String> left = new HashSet<>(pp.leftMembers() == null ? List.of() : pp.leftMembers());
            for (String name : left) {
                long t = pp.statusLTimes().getOrDefault(name, 0L) + 1;
                leaveIntent(new SerfLeave(t, name, false), callbacks);
            }
            pp.statusLTimes().forEach((name, t) -> {
                if (!left.contains(name)) {
                    memberClock.witness(t);
                    table.joinIntent(name, t);
                }
            });
            if (join && ignoreEventsOfJoin) {
                events.raiseMinTime(pp.eventLTime());
            }
            if (pp.events() != null) {
                for (UserEventsSlot slot : pp.events()) {
                    if (slot == null || slot.events() == null) {
                        continue;
                    }
                    for (UserEventEntry e : slot.events()) {
                        userEvent(new SerfUserEvent(slot.lTime(), e.name(), e.payload(), false), callbacks);
                    }
                }
            }
        }
        callbacks.forEach(Runnable::run);
    }

    // ------------------------------------------------------------------ MembershipListener

    @Override
    public void onJoin(Member member) {
        SerfMember m;
        synchronized (lock) {
            m = table.joined(member);
        }
        listener.onMemberJoin(m);
    }

    @Override
    public void onLeave(Member member) {
        SerfMember m;
        synchronized (lock) {
            m = table.left(member);
        }
        listener.onMemberLeave(m);
    }

    @Override
    public void onUpdate(Member member) {
        SerfMember m;
        synchronized (lock) {
            m = table.updated(member);
        }
        listener.onMemberUpdate(m);
    }

    // ------------------------------------------------------------------ our own intents and events

    /**
     * Before a join: with {@code ignoreOld}, user events older than what the join's push/pull reports are not
     * delivered (the {@code serf agent} default, {@code -replay} off). Call {@link #joinFinished()} afterwards.
     */
    public void joinStarting(boolean ignoreOld) {
        synchronized (lock) {
            ignoreEventsOfJoin = ignoreOld;
        }
    }

    public void joinFinished() {
        synchronized (lock) {
            ignoreEventsOfJoin = false;
        }
    }

    /** Serf's {@code broadcastJoin(clock.Time())}: after a join, so the cluster learns our status time. */
    public void announceJoin() {
        synchronized (lock) {
            queueJoinIntent(memberClock.time());
        }
    }

    private void queueJoinIntent(long lTime) {
        SerfJoin join = new SerfJoin(lTime, nodeName);
        memberClock.witness(lTime);
        table.joinIntent(nodeName, lTime);
        queue(intentQueue, SerfCodec.encode(join), null);
    }

    /**
     * Serf's {@code Leave}: a leave intent at the current member time (then the clock moves on), applied locally and
     * queued. The future completes once the intent has been gossiped enough times (or dropped); wait for it, bounded,
     * before the memberlist leave, and only when another member is alive to hear it.
     */
    public CompletableFuture<Void> announceLeave() {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        synchronized (lock) {
            leaving = true;
            long lTime = memberClock.time();
            memberClock.increment();
            SerfLeave leave = new SerfLeave(lTime, nodeName, false);
            table.leaveIntent(nodeName, lTime, false);
            queue(intentQueue, SerfCodec.encode(leave), () -> sent.complete(null));
        }
        return sent;
    }

    /**
     * Serf's {@code UserEvent}: gossips an event to the whole cluster (and delivers it to our own listener, as Serf
     * does) and returns its Lamport time.
     *
     * @param coalesce receivers may coalesce it with later events of the same name
     * @throws IllegalArgumentException if the encoded event exceeds {@link #USER_EVENT_SIZE_LIMIT} bytes
     */
    public long userEvent(String name, byte[] payload, boolean coalesce) {
        Objects.requireNonNull(name, "name");
        byte[] body = payload == null ? new byte[0] : payload.clone();
        if (name.getBytes(StandardCharsets.UTF_8).length + body.length > USER_EVENT_SIZE_LIMIT) {
            throw new IllegalArgumentException("user event exceeds the limit of " + USER_EVENT_SIZE_LIMIT
                    + " bytes (name + payload = " + (name.getBytes(StandardCharsets.UTF_8).length + body.length) + ")");
        }
        List<Runnable> callbacks = new ArrayList<>();
        long lTime;
        synchronized (lock) {
            lTime = eventClock.time();
            SerfUserEvent event = new SerfUserEvent(lTime, name, body, coalesce);
            byte[] raw = SerfCodec.encode(event);
            if (raw.length > USER_EVENT_SIZE_LIMIT) {
                throw new IllegalArgumentException("encoded user event is " + raw.length + " bytes, more than the limit of "
                        + USER_EVENT_SIZE_LIMIT);
            }
            eventClock.increment();
            userEvent(event, callbacks);
            queue(eventQueue, raw, null);
        }
        callbacks.forEach(Runnable::run);
        return lTime;
    }

    /** Serf's view of the members it has heard of (alive, leaving, left, failed), by name. */
    public List<SerfMember> members() {
        synchronized (lock) {
            return table.members();
        }
    }

    /** The member Lamport clock now (for diagnostics and tests). */
    public long memberTime() {
        return memberClock.time();
    }

    /** The event Lamport clock now. */
    public long eventTime() {
        return eventClock.time();
    }

    private static void queue(TransmitLimitedQueue<byte[]> q, byte[] message, Runnable onFinished) {
        q.queue(null, message, message.length, onFinished);
    }
}
