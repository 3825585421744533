package io.ipkeeper.gossip.serf;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Keyring;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A gossip node that Serf 0.9.4 agents accept as one of their own: it shows in {@code serf members} with its tags,
 * receives and sends user events ({@code serf event}), and its {@link #leave} shows as {@code left}.
 *
 * <pre>{@code
 * GossipConfig config = GossipConfig.lan().name("java-1").bindAddress("10.0.0.5").build();
 * try (Serf serf = Serf.builder(config).tag("role", "java").listener(new SerfListener() {
 *         public void onUserEvent(UserEvent e) { System.out.println(e.name() + " " + e.payloadText()); }
 *     }).start()) {
 *     serf.join(List.of(new InetSocketAddress("10.0.0.4", 7946)));
 *     serf.userEvent("deploy", "v1".getBytes(UTF_8), false);
 *     serf.leave(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #join} and {@link #leave} block and must not be called from a listener callback.
 */
public final class Serf implements AutoCloseable {
    /** Serf's {@code BroadcastTimeout}: how long {@link #leave} waits for the leave intent to be gossiped. */
    public static final Duration BROADCAST_TIMEOUT = Duration.ofSeconds(5);
    /** Serf's {@code LeavePropagateDelay}: time for the memberlist leave's last packets before shutdown. */
    public static final Duration LEAVE_PROPAGATE_DELAY = Duration.ofSeconds(1);

    private final Memberlist memberlist;
    private final SerfDelegate delegate;

    private Serf(Memberlist memberlist, SerfDelegate delegate) {
        this.memberlist = memberlist;
        this.delegate = delegate;
    }

    /** Options for a node with {@code config}; its delegate protocol versions are set to Serf's (2, 5, 5). */
    public static Builder builder(GossipConfig config) {
        return new Builder(config);
    }

    /**
     * Joins through {@code seeds}, ignoring user events the cluster saw before (as {@code serf agent} without
     * {@code -replay}), then announces our join intent if any seed answered.
     */
    public JoinResult join(Collection<InetSocketAddress> seeds) {
        delegate.joinStarting(true);
        JoinResult result;
        try {
            result = memberlist.join(seeds);
        } finally {
            delegate.joinFinished();
        }
        if (result.succeeded()) {
            delegate.announceJoin();
        }
        return result;
    }

    /**
     * Gossips a user event to the whole cluster and returns its Lamport time.
     *
     * @param coalesce receivers may coalesce it with later events of the same name
     * @throws IllegalArgumentException if name and payload exceed Serf's 512-byte limit
     */
    public long userEvent(String name, byte[] payload, boolean coalesce) {
        return delegate.userEvent(name, payload, coalesce);
    }

    /**
     * Leaves gracefully as Serf does: a leave intent first (waiting up to {@link #BROADCAST_TIMEOUT} for it to be
     * gossiped, when anyone else is alive), then memberlist's leave (at most {@code timeout}), then a short pause so its
     * last packets go out. Call {@link #close()} afterwards.
     *
     * @return true if both the intent and the memberlist leave were gossiped in time
     */
    public boolean leave(Duration timeout) {
        boolean intentSent = true;
        var sent = delegate.announceLeave();
        if (memberlist.numMembers() > 1) {
            try {
                sent.get(BROADCAST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                intentSent = false;
            } catch (ExecutionException e) {
                intentSent = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        boolean left = memberlist.leave(timeout);
        try {
            Thread.sleep(LEAVE_PROPAGATE_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return intentSent && left;
    }

    /**
     * Every member memberlist knows, us included, with tags and Serf's status (a member that announced its leave but
     * is still reachable is {@link MemberStatus#LEAVING}); sorted by name.
     */
    public List<SerfMember> members() {
        Map<String, MemberStatus> serfView = new LinkedHashMap<>();
        delegate.members().forEach(m -> serfView.put(m.name(), m.status()));
        List<SerfMember> out = new ArrayList<>();
        for (Member m : memberlist.members()) {
            out.add(new SerfMember(m.name(), m.address(), m.port(), SerfDelegate.tagsOf(m),
                    status(m, serfView.get(m.name()))));
        }
        return out;
    }

    static MemberStatus status(Member m, MemberStatus serfView) {
        return switch (m.state()) {
            case ALIVE, SUSPECT -> serfView == MemberStatus.LEAVING ? MemberStatus.LEAVING : MemberStatus.ALIVE;
            case LEFT -> MemberStatus.LEFT;
            case DEAD -> serfView == MemberStatus.LEFT || serfView == MemberStatus.LEAVING ? MemberStatus.LEFT
                    : MemberStatus.FAILED;
        };
    }

    /** Our tags. */
    public Map<String, String> tags() {
        return delegate.tags();
    }

    /** Replaces our tags and gossips them (Serf's {@code SetTags}); Serf agents see a member update. */
    public void setTags(Map<String, String> tags) {
        delegate.setTags(tags);
        memberlist.updateNode();
    }

    /** The encryption keys, changeable at run time ({@code serf keys}-style rotation, one node at a time). */
    public Keyring keyring() {
        return memberlist.keyring();
    }

    /** The underlying node (user messages, health score, …). */
    public Memberlist memberlist() {
        return memberlist;
    }

    /** Stops at once (after {@link #leave}, or the others will see us as failed). */
    @Override
    public void close() {
        memberlist.shutdown();
    }

    /** How to start a Serf node. */
    public static final class Builder {
        private final GossipConfig config;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private SerfListener listener = new SerfListener() {};
        private GossipMetrics metrics = GossipMetrics.NONE;
        private final List<byte[]> keys = new ArrayList<>();

        private Builder(GossipConfig config) {
            this.config = SerfDelegate.configure(Objects.requireNonNull(config, "config").toBuilder()).build();
        }

        public Builder tag(String name, String value) {
            tags.put(Objects.requireNonNull(name, "tag name"), Objects.requireNonNull(value, "tag value"));
            return this;
        }

        public Builder tags(Map<String, String> all) {
            all.forEach(this::tag);
            return this;
        }

        public Builder listener(SerfListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder metrics(GossipMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** An encryption key (16, 24 or 32 bytes); the first one added is the primary. */
        public Builder key(byte[] key) {
            keys.add(key.clone());
            return this;
        }

        /**
         * Binds and starts the node (alive, not yet joined).
         *
         * @throws IOException if the port cannot be bound
         * @throws IllegalArgumentException if the tags do not fit 512 bytes of meta or a key is invalid
         */
        public Serf start() throws IOException {
            AtomicReference<Memberlist> node = new AtomicReference<>();
            SerfDelegate delegate = new SerfDelegate(config.name(), tags, config.retransmitMult(),
                    () -> node.get() == null ? 1 : node.get().numMembers(), listener);
            MemberlistOptions.Builder options = MemberlistOptions.builder()
                    .delegate(delegate).listener(delegate).metrics(metrics);
            keys.forEach(options::key);
            node.set(Memberlist.create(config, options.build()));
            return new Serf(node.get(), delegate);
        }
    }

    @Override
    public String toString() {
        return "Serf[" + memberlist + "]";
    }
}
