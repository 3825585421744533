package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.wire.Message;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport's callbacks, handed over to the protocol thread. Like memberlist's hand-off queue
 * ({@code HandoffQueueDepth}, default 1024) the number of packets waiting is bounded: past it new packets are dropped
 * and counted, so a flood cannot grow the heap without limit.
 */
final class InboundQueue implements Transport.Inbound {
    private final ProtocolNode node;
    private final AtomicInteger waiting = new AtomicInteger();

    InboundQueue(ProtocolNode node) {
        this.node = node;
    }

    @Override
    public void packet(InetSocketAddress from, byte[] data, long receivedNanos) {
        node.metrics.bytesReceived(data.length);
        if (waiting.incrementAndGet() > node.config.handoffQueueDepth()) {
            waiting.decrementAndGet();
            node.metrics.packetDropped("handoff queue full");
            return;
        }
        node.scheduler.execute(() -> {
            waiting.decrementAndGet();
            node.packets.handle(from, data, receivedNanos);
        });
    }

    /** The simulator's decoded packet ({@link ProtocolNode#receiveDecoded}): as {@link #packet} without decoding. */
    void decoded(InetSocketAddress from, List<Message> messages, int wireSize, long receivedNanos) {
        node.metrics.bytesReceived(wireSize);
        if (waiting.incrementAndGet() > node.config.handoffQueueDepth()) {
            waiting.decrementAndGet();
            node.metrics.packetDropped("handoff queue full");
            return;
        }
        node.scheduler.execute(() -> {
            waiting.decrementAndGet();
            node.packets.handleDecoded(from, messages, receivedNanos);
        });
    }

    @Override
    public void stream(InetSocketAddress from, byte[] request, Transport.StreamReply reply) {
        node.metrics.bytesReceived(request.length);
        node.scheduler.execute(() -> node.streams.handle(from, request, reply));
    }
}
