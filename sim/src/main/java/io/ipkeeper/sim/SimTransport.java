package io.ipkeeper.sim;

import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.protocol.DecodedPackets;
import io.ipkeeper.gossip.internal.protocol.ProtocolNode;
import io.ipkeeper.gossip.internal.wire.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Transport} of one simulated process: packets go through the node's send queue (its {@link SendBudget})
 * and the {@link Network}; streams are one request and at most one reply, each delayed by the link latency. Inbound
 * traffic runs on the process's {@link SimScheduler}, so a paused process reads nothing. Every byte is counted.
 */
final class SimTransport implements Transport, DecodedPackets {
    private final int index;
    private final InetSocketAddress address;
    private final Network network;
    private final SimScheduler scheduler;
    /** Departure times of the packets still in the send queue (only with a limited budget). */
    private final ArrayDeque<Long> sendQueue = new ArrayDeque<>();
    private long lastDeparture;
    private Inbound inbound;
    private ProtocolNode protocol;
    private boolean closed;

    SimTransport(int index, InetSocketAddress address, Network network, SimScheduler scheduler) {
        this.index = index;
        this.address = address;
        this.network = network;
        this.scheduler = scheduler;
    }

    int index() {
        return index;
    }

    @Override
    public void start(Inbound inbound) {
        this.inbound = inbound;
        network.bind(this);
    }

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    @Override
    public void sendPacket(InetSocketAddress to, byte[] packet) {
        send(to, WirePacket.encoded(packet.clone()));
    }

    /** The decoded path ({@link io.ipkeeper.gossip.internal.protocol.SimulationOptions#decodedPackets}). */
    @Override
    public void send(InetSocketAddress to, List<Message> messages, int wireSize) {
        send(to, WirePacket.decoded(messages, wireSize));
    }

    private void send(InetSocketAddress to, WirePacket packet) {
        if (closed) {
            return;
        }
        long now = network.loop.now();
        long depart = now;
        SendBudget budget = network.budget();
        if (!budget.unlimited()) {
            while (!sendQueue.isEmpty() && sendQueue.peekFirst() <= now) {
                sendQueue.pollFirst();
            }
            if (sendQueue.size() >= budget.queueCapacity()) {
                network.traffic.packetsQueueDropped++;
                return;
            }
            depart = Math.max(now, lastDeparture) + budget.serviceNanos(packet.size());
            lastDeparture = depart;
            sendQueue.addLast(depart);
        }
        network.traffic.bytesSent[index] += packet.size();
        network.traffic.messagesSent[index]++;
        network.transmit(index, address, to, packet, depart);
    }

    /** A packet arrived at this address (from the network); handed to the process when it gets CPU. */
    void receivePacket(InetSocketAddress from, WirePacket data) {
        if (closed || inbound == null) {
            return;
        }
        network.traffic.bytesReceived[index] += data.size();
        scheduler.deliver(() -> {
            if (closed) {
                return;
            }
            if (data.bytes() != null) {
                inbound.packet(from, data.bytes(), scheduler.nanoTime());
            } else {
                protocol.receiveDecoded(from, data.messages(), data.size(), scheduler.nanoTime());
            }
        });
    }

    /** The process the decoded packets go to (set once its {@link ProtocolNode} exists). */
    void protocol(ProtocolNode protocol) {
        this.protocol = protocol;
    }

    @Override
    public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, boolean expectReply,
            Duration timeout) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        EventLoop loop = network.loop;
        // The deadline is a timer, not a read: it fires on time even while the process's reading is stalled.
        var timer = scheduler.schedule(timeout,
                () -> result.completeExceptionally(new IOException("stream to " + to + " timed out")));
        result.whenComplete((r, e) -> timer.cancel());
        if (closed) {
            return result;
        }
        network.traffic.bytesSent[index] += request.length;
        network.traffic.messagesSent[index]++;
        SimTransport target = network.boundAt(to);
        if (target == null || !network.reachable(index, target.index)) {
            // An unreachable host: the connection attempt fails after the timeout, like a dropped SYN.
            return result;
        }
        byte[] copy = request.clone();
        loop.after(network.latency(index, target.index), () -> target.receiveStream(this, copy, expectReply, result));
        return result;
    }

    private void receiveStream(SimTransport from, byte[] request, boolean expectReply,
            CompletableFuture<byte[]> result) {
        if (closed || inbound == null) {
            return;
        }
        network.traffic.bytesReceived[index] += request.length;
        scheduler.deliver(() -> {
            if (closed) {
                return;
            }
            inbound.stream(from.address, request, new StreamReply() {
                @Override
                public void send(byte[] data) {
                    if (closed || !expectReply) {
                        return;
                    }
                    network.traffic.bytesSent[index] += data.length;
                    network.traffic.messagesSent[index]++;
                    if (!network.reachable(index, from.index)) {
                        return;
                    }
                    byte[] reply = data.clone();
                    network.loop.after(network.latency(index, from.index), () -> {
                        network.traffic.bytesReceived[from.index] += reply.length;
                        from.scheduler.deliver(() -> result.complete(reply));
                    });
                }

                @Override
                public void close() {
                    if (!expectReply) {
                        from.scheduler.deliver(() -> result.complete(new byte[0]));
                    }
                }
            });
            if (!expectReply) {
                from.scheduler.deliver(() -> result.complete(new byte[0]));
            }
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}
