package io.ipkeeper.gossip;

import io.ipkeeper.gossip.internal.net.AdvertiseAddresses;
import io.ipkeeper.gossip.internal.net.NetTransport;
import io.ipkeeper.gossip.internal.net.NetTransportOptions;
import io.ipkeeper.gossip.internal.net.SystemScheduler;
import io.ipkeeper.gossip.internal.protocol.KeyringHolder;
import io.ipkeeper.gossip.internal.protocol.ProtocolNode;
import io.ipkeeper.gossip.internal.protocol.StreamFraming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * A running member of a gossip cluster, wire-compatible with HashiCorp memberlist 0.2.2 (and Serf 0.9.4 clusters at
 * the memberlist level): SWIM failure detection with Lifeguard, gossip, push/pull anti-entropy, graceful leave, and
 * automatic re-join after a partition.
 *
 * <pre>{@code
 * GossipConfig config = GossipConfig.lan().name("node-1").bindAddress("10.0.0.5").build();
 * try (Memberlist ml = Memberlist.create(config, MemberlistOptions.builder().listener(myListener).build())) {
 *     JoinResult r = ml.join(List.of(new InetSocketAddress("10.0.0.4", 7946)));
 *     ml.members().forEach(System.out::println);
 *     ml.leave(Duration.ofSeconds(5));
 * } // close() = shutdown()
 * }</pre>
 *
 * <p><b>Threading.</b> Every protocol action runs on one thread per node (the scheduler's); this class is thread-safe
 * and its methods hand work to that thread. Listener, delegate and metrics callbacks run on it too and must not block.
 * Read methods ({@link #members()}, {@link #localMember()}, {@link #numMembers()}, {@link #healthScore()}) return
 * snapshots refreshed after every protocol step and never block. The blocking methods ({@link #join}, {@link #leave})
 * must not be called from a callback; with a virtual-time scheduler use the {@code …Async} forms and run the scheduler.
 */
public final class Memberlist implements AutoCloseable {
    private final ProtocolNode node;
    private final Keyring keyring;
    private final AutoCloseable ownedScheduler;

    private Memberlist(ProtocolNode node, Keyring keyring, AutoCloseable ownedScheduler) {
        this.node = node;
        this.keyring = keyring;
        this.ownedScheduler = ownedScheduler;
    }

    /** A node on real sockets with default options; started and alive when this returns. */
    public static Memberlist create(GossipConfig config) throws IOException {
        return create(config, MemberlistOptions.defaults());
    }

    /**
     * A node on real sockets (UDP and TCP on {@code bindAddress:bindPort}), its own protocol thread and a
     * {@link SecureRandom}; started and alive when this returns.
     *
     * @throws IOException if the port cannot be bound
     */
    public static Memberlist create(GossipConfig config, MemberlistOptions options) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        NetTransport transport = new NetTransport(NetTransportOptions.of(config.bindAddress(), config.bindPort(),
                config.tcpTimeout()), new StreamFraming()).bind();
        SystemScheduler scheduler = new SystemScheduler("gossip-" + config.name());
        try {
            Memberlist m = build(config, options, transport, scheduler, new SecureRandom(), scheduler);
            m.node.start().get(30, TimeUnit.SECONDS);
            return m;
        } catch (IOException | RuntimeException e) {
            transport.close();
            scheduler.close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.close();
            scheduler.close();
            throw new IOException("interrupted while starting " + config.name(), e);
        } catch (ExecutionException e) {
            transport.close();
            scheduler.close();
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IOException("could not start " + config.name() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            transport.close();
            scheduler.close();
            throw new IOException("could not start " + config.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A node on a given transport, scheduler and random source: for tests and simulation (e.g.
     * {@link io.ipkeeper.gossip.testing.InMemoryNetwork} and {@link io.ipkeeper.gossip.testing.VirtualScheduler}).
     * Does not block: the node becomes alive when the scheduler runs its start task. The transport's local address is
     * advertised unless the config sets an advertise address.
     */
    public static Memberlist create(GossipConfig config, MemberlistOptions options, Transport transport,
            Scheduler scheduler, RandomGenerator random) throws IOException {
        Memberlist m = build(config, options, transport, scheduler, random, null);
        m.node.start();
        return m;
    }

    private static Memberlist build(GossipConfig config, MemberlistOptions options, Transport transport,
            Scheduler scheduler, RandomGenerator random, AutoCloseable owned) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        KeyringHolder keys = new KeyringHolder(options.initialKeyring());
        InetSocketAddress advertise = AdvertiseAddresses.resolve(config.advertiseAddress(), config.advertisePort(),
                transport.localAddress());
        ProtocolNode node = new ProtocolNode(config, transport, scheduler, random, keys, options.listener(),
                options.delegate(), options.metrics(), advertise);
        return new Memberlist(node, new Keyring(keys), owned);
    }

    // ---------------------------------------------------------------- membership

    /**
     * Joins a cluster through {@code seeds} (a state exchange with each, all at once) and blocks until every seed
     * answered or failed (each is bounded by {@code tcpTimeout}). The seeds are also used for automatic re-join.
     */
    public JoinResult join(Collection<InetSocketAddress> seeds) {
        refuseOnProtocolThread("join");
        return await(joinAsync(seeds));
    }

    /** {@link #join} without blocking; completes on the protocol thread. */
    public CompletableFuture<JoinResult> joinAsync(Collection<InetSocketAddress> seeds) {
        List<InetSocketAddress> copy = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
        return onProtocolThread(() -> node.join(copy));
    }

    /**
     * Leaves gracefully: tells the cluster we are <i>left</i> (not failed) and waits until that has been gossiped, at
     * most {@code timeout}. The node keeps answering probes until {@link #shutdown()}.
     *
     * @return true if the leave was gossiped before the timeout (or nobody else was alive)
     */
    public boolean leave(Duration timeout) {
        refuseOnProtocolThread("leave");
        return await(leaveAsync(timeout));
    }

    public CompletableFuture<Boolean> leaveAsync(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return onProtocolThread(() -> node.leave(timeout));
    }

    /** Stops at once without telling anyone: the others will detect us as failed. Idempotent. */
    public void shutdown() {
        node.shutdown();
        if (ownedScheduler != null) {
            try {
                ownedScheduler.close();
            } catch (Exception ignored) {
                // closing our own executor cannot fail in a way the caller could act on
            }
        }
    }

    /** {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /** Every member we know, us included, dead and left ones until reaped; sorted by name. */
    public List<Member> members() {
        return node.members();
    }

    /** Our own entry (null only before a test scheduler ran the start task). */
    public Member localMember() {
        return node.localMember();
    }

    /** Members alive or suspect, us included (memberlist {@code NumMembers}). */
    public int numMembers() {
        return node.numMembers();
    }

    /** Lifeguard local health: 0 is healthy; higher means we miss acks and slow our probing down. */
    public int healthScore() {
        return node.healthScore();
    }

    /** Re-reads {@link Delegate#nodeMeta} and gossips it under a new incarnation (memberlist {@code UpdateNode}). */
    public void updateNode() {
        node.submit(node::updateNode);
    }

    public Keyring keyring() {
        return keyring;
    }

    // ---------------------------------------------------------------- user messages

    /**
     * Sends {@code message} to {@code to} in one UDP packet, no acknowledgement (memberlist {@code SendBestEffort}).
     *
     * @throws IllegalArgumentException if it cannot fit a packet of {@code udpBufferSize}
     */
    public void sendBestEffort(Member to, byte[] message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        int max = node.maxBestEffortPayload();
        if (message.length > max) {
            throw new IllegalArgumentException("message (" + message.length + " bytes) is larger than a packet allows ("
                    + max + " bytes with udpBufferSize " + node.config().udpBufferSize() + "); use sendReliable");
        }
        byte[] copy = message.clone();
        node.submit(() -> node.sendBestEffort(to.name(), to.socketAddress(), copy));
    }

    /** Sends {@code message} to {@code to} over TCP (memberlist {@code SendReliable}); completes when written. */
    public CompletableFuture<Void> sendReliable(Member to, byte[] message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        byte[] copy = message.clone();
        return onProtocolThread(() -> node.sendReliable(to.socketAddress(), copy));
    }

    // ---------------------------------------------------------------- helpers

    private <T> CompletableFuture<T> onProtocolThread(java.util.function.Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!node.isRunning()) {
            result.completeExceptionally(new IllegalStateException(node.config().name() + " is shut down"));
            return result;
        }
        node.submit(() -> action.get().whenComplete((v, e) -> {
            node.publish(); // completes on the protocol thread: let the woken caller see what just happened
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(v);
            }
        }));
        return result;
    }

    /** Blocking on the protocol thread would wait forever for work queued behind the caller. */
    private void refuseOnProtocolThread(String method) {
        if (node.onProtocolThread()) {
            throw new IllegalStateException(method + "() would block the protocol thread it needs (called from a "
                    + "listener/delegate callback, or from a test driving a virtual scheduler): use " + method
                    + "Async()");
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public String toString() {
        return "Memberlist[" + node.config().name() + ", " + numMembers() + " member(s)]";
    }
}
