package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.state.GossipMath;
import io.ipkeeper.gossip.internal.state.NodeState;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import io.ipkeeper.gossip.internal.wire.ErrorResponse;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anti-entropy (spec §2.2, §4.7): full state exchange over TCP. Periodically (every {@code pushPullInterval}, slower
 * above 32 nodes) with one random alive node; on {@link #exchange} for join and re-join; and serving inbound requests,
 * where we write our state first and merge theirs afterwards, as memberlist does. A merge is refused when the protocol
 * versions are incompatible.
 */
final class PushPullExchange {
    private static final Logger log = LoggerFactory.getLogger(PushPullExchange.class);

    private final ProtocolNode node;
    private Scheduler.Cancellable timer;
    /** The delegate returned push/pull state at least once (Serf does; plain memberlist use does not). */
    private boolean delegateHasState;

    PushPullExchange(ProtocolNode node) {
        this.node = node;
    }

    void start() {
        Duration interval = node.config.pushPullInterval();
        if (interval.isZero()) {
            return;
        }
        timer = node.scheduler.schedule(Duration.ofNanos(node.random.nextLong(interval.toNanos())), this::onTick);
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void onTick() {
        timer = node.scheduler.schedule(GossipMath.pushPullScale(node.config.pushPullInterval(),
                node.membership.numNodes()), this::onTick);
        // With digest anti-entropy, capable peers repair each other by digest; the full exchange stays for Go peers,
        // and for everyone when the delegate has push/pull state of its own (Serf's clocks and event buffers).
        boolean digestPeersToo = !node.digestExchange.enabled() || delegateHasState;
        List<NodeState> peer = node.membership.table().randomNodes(1,
                s -> s.status() == NodeStatus.ALIVE && !s.name().equals(node.localName())
                        && (digestPeersToo || !node.digestExchange.capablePeer(s)));
        if (peer.isEmpty()) {
            return;
        }
        NodeState p = peer.getFirst();
        exchange(Members.socketAddress(p.addr(), p.port()), false).exceptionally(e -> {
            log.debug("{}: push/pull with {} failed: {}", node.localName(), p.name(), e.getMessage());
            return null;
        });
    }

    /** Sends our state to {@code to}, merges the reply. Completes on the protocol thread. */
    CompletableFuture<Void> exchange(InetSocketAddress to, boolean join) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (to == null) {
            done.completeExceptionally(new IllegalArgumentException("no address"));
            return done;
        }
        node.streams.exchange(to, localState(join), true, node.config.tcpTimeout(), reply -> {
            if (!(reply instanceof PushPull remote)) {
                fail(done, join, "expected a push/pull reply, got " + reply.type().wireName());
                return;
            }
            String error = merge(remote);
            if (error != null) {
                fail(done, join, error);
                return;
            }
            node.metrics.pushPullCompleted(join, true);
            done.complete(null);
        }, error -> fail(done, join, error));
        return done;
    }

    /** Serves an inbound push/pull: reply with our state first, then merge theirs. */
    void serve(InetSocketAddress from, PushPull remote, Transport.StreamReply reply) {
        if (remote.nodes().size() > StreamCodec.MAX_PUSH_PULL_NODES) {
            reply.send(node.streams.encode(new ErrorResponse("too many nodes")));
            return;
        }
        reply.send(node.streams.encode(localState(remote.join())));
        String error = merge(remote);
        if (error != null) {
            log.warn("{}: push/pull from {} refused: {}", node.localName(), from, error);
        }
    }

    private PushPull localState(boolean join) {
        byte[] user = node.delegate.localState(join);
        if (user != null && user.length > 0) {
            delegateHasState = true;
        }
        return new PushPull(join, node.membership.localState(), user);
    }

    /** memberlist {@code mergeRemoteState}: verify versions, merge the nodes, then hand user state to the delegate. */
    private String merge(PushPull remote) {
        String incompatible = ProtocolVersions.check(node.membership.members(), remote.nodes());
        if (incompatible != null) {
            return incompatible;
        }
        node.membership.mergeState(withPorts(remote.nodes(), node.advertise().getPort()), node.now(),
                node.digestExchange.enabled(), null);
        if (remote.userState().length > 0) {
            node.delegate.mergeRemoteState(remote.userState(), remote.join());
        }
        return null;
    }

    /**
     * memberlist {@code mergeRemoteState}: a record from a protocol-1 node (PMax &lt; 2) or with port 0 carries no
     * usable port; the node is assumed to listen on our own port.
     */
    static List<PushNodeState> withPorts(List<PushNodeState> nodes, int ourPort) {
        List<PushNodeState> out = new java.util.ArrayList<>(nodes.size());
        for (PushNodeState n : nodes) {
            boolean protocol1 = n.vsn() != null && n.vsn().length >= 2 && Members.protocolMax(n.vsn()) < 2;
            boolean noPort = n.port() == 0 || protocol1;
            out.add(noPort ? new PushNodeState(n.name(), n.addr(), ourPort, n.meta(), n.incarnation(), n.state(),
                    n.vsn()) : n);
        }
        return out;
    }

    private void fail(CompletableFuture<Void> done, boolean join, String reason) {
        node.metrics.pushPullCompleted(join, false);
        done.completeExceptionally(new java.io.IOException(reason));
    }
}
