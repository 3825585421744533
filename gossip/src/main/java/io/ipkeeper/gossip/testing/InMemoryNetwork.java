package io.ipkeeper.gossip.testing;

import io.ipkeeper.gossip.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * A network of in-memory {@link Transport}s that deliver through a {@link VirtualScheduler}: every packet and stream
 * takes the link's latency, may be lost, and does not cross a cut link. Deterministic for a given random source.
 * Addresses are 127.0.0.x:7946, one per transport, so protocol code that stores addresses works unchanged.
 */
public final class InMemoryNetwork {

    /** How one direction of a link behaves. */
    public record Link(Duration latency, double loss) {
        public Link {
            if (loss < 0 || loss > 1) {
                throw new IllegalArgumentException("loss must be within [0, 1], got " + loss);
            }
        }
    }

    private final VirtualScheduler scheduler;
    private final RandomGenerator random;
    private final Map<InetSocketAddress, Node> nodes = new HashMap<>();
    private final Map<String, Link> links = new HashMap<>();
    private final Set<String> cut = new HashSet<>();
    private Link defaultLink = new Link(Duration.ofMillis(1), 0);
    private long packetsSent;
    private long packetsLost;

    public InMemoryNetwork(VirtualScheduler scheduler, RandomGenerator random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    /** A new transport with the next free address. */
    public Transport newTransport() {
        int n = nodes.size() + 1;
        if (n > 250 * 250) {
            throw new IllegalStateException("in-memory network is full");
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(
                    InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (1 + n % 250)}), 7946);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        Node node = new Node(address);
        nodes.put(address, node);
        return node;
    }

    public void defaultLink(Link link) {
        this.defaultLink = link;
    }

    /** Sets the behaviour of the link from {@code a} to {@code b} (one direction). */
    public void link(InetSocketAddress a, InetSocketAddress b, Link link) {
        links.put(key(a, b), link);
    }

    /** Cuts both directions between {@code a} and {@code b}. */
    public void cut(InetSocketAddress a, InetSocketAddress b) {
        cut.add(key(a, b));
        cut.add(key(b, a));
    }

    /** Cuts every link between the two groups (a partition). */
    public void partition(Set<InetSocketAddress> left, Set<InetSocketAddress> right) {
        for (InetSocketAddress a : left) {
            for (InetSocketAddress b : right) {
                cut(a, b);
            }
        }
    }

    /** Restores every cut link. */
    public void heal() {
        cut.clear();
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long packetsLost() {
        return packetsLost;
    }

    private static String key(InetSocketAddress a, InetSocketAddress b) {
        return a + ">" + b;
    }

    /** Whether a message from a to b gets through now; if so, after how long. Null = lost. */
    private Duration transit(InetSocketAddress from, InetSocketAddress to) {
        Node target = nodes.get(to);
        if (target == null || target.closed || target.inbound == null || cut.contains(key(from, to))) {
            return null;
        }
        Link link = links.getOrDefault(key(from, to), defaultLink);
        if (link.loss() > 0 && random.nextDouble() < link.loss()) {
            return null;
        }
        return link.latency();
    }

    private final class Node implements Transport {
        private final InetSocketAddress address;
        private Inbound inbound;
        private boolean closed;

        Node(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public void start(Inbound inbound) {
            this.inbound = inbound;
        }

        @Override
        public InetSocketAddress localAddress() {
            return address;
        }

        @Override
        public void sendPacket(InetSocketAddress to, byte[] packet) {
            if (closed) {
                return;
            }
            packetsSent++;
            Duration d = transit(address, to);
            if (d == null) {
                packetsLost++;
                return;
            }
            byte[] copy = packet.clone();
            scheduler.schedule(d, () -> {
                Node target = nodes.get(to);
                if (!target.closed) {
                    target.inbound.packet(address, copy, scheduler.nanoTime());
                }
            });
        }

        @Override
        public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, boolean expectReply,
                Duration timeout) {
            CompletableFuture<byte[]> result = new CompletableFuture<>();
            var timer = scheduler.schedule(timeout,
                    () -> result.completeExceptionally(new IOException("stream to " + to + " timed out")));
            result.whenComplete((r, e) -> timer.cancel());
            Duration there = closed ? null : transit(address, to);
            if (there == null) {
                // A refused or unreachable connection fails after the timeout, like a dropped SYN.
                return result;
            }
            byte[] copy = request.clone();
            scheduler.schedule(there, () -> {
                Node target = nodes.get(to);
                if (target.closed) {
                    return;
                }
                target.inbound.stream(address, copy, new StreamReply() {
                    @Override
                    public void send(byte[] data) {
                        Duration back = transit(to, address);
                        if (back == null) {
                            return;
                        }
                        byte[] reply = data.clone();
                        scheduler.schedule(back, () -> result.complete(reply));
                    }

                    @Override
                    public void close() {
                        if (!expectReply) {
                            result.complete(new byte[0]);
                        }
                    }
                });
                if (!expectReply) {
                    result.complete(new byte[0]);
                }
            });
            return result;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
