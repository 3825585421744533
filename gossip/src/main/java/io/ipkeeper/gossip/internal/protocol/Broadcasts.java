package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.internal.state.TransmitLimitedQueue;
import io.ipkeeper.gossip.internal.wire.Message;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What gets piggy-backed (spec §1.9, §4.8): memberlist's own alive/suspect/dead broadcasts from the transmit-limited
 * queue first, then the delegate's user broadcasts in the space left (each framed as a user message, 1 byte more).
 */
final class Broadcasts {
    /** Bytes a compound adds per part (its uint16 length); memberlist's {@code compoundOverhead}. */
    static final int COMPOUND_OVERHEAD = 2;
    /** A compound's type and count bytes; memberlist's {@code compoundHeaderOverhead}. */
    static final int COMPOUND_HEADER_OVERHEAD = 2;
    /** The user message type byte in front of a delegate broadcast. */
    private static final int USER_MSG_OVERHEAD = 1;

    private final TransmitLimitedQueue<Message> queue;
    private final Delegate delegate;
    private final GossipMetrics metrics;

    Broadcasts(TransmitLimitedQueue<Message> queue, Delegate delegate, GossipMetrics metrics) {
        this.queue = queue;
        this.delegate = delegate;
        this.metrics = metrics;
    }

    /** Queues a membership broadcast named by node, replacing any older one about the same node. */
    void queue(String node, Message message, Runnable onFinished) {
        queue.queue(node, message, PacketCodec.encodeFrame(message).length, onFinished);
        metrics.broadcastQueueDepth(queue.depth());
    }

    /** Up to {@code limit} bytes of broadcasts, {@code overhead} bytes counted per message. */
    List<Message> drain(int overhead, int limit) {
        List<Message> out = new ArrayList<>(queue.getBroadcasts(overhead, limit));
        int used = 0;
        for (Message m : out) {
            used += overhead + PacketCodec.encodeFrame(m).length;
        }
        if (!out.isEmpty()) {
            metrics.broadcastQueueDepth(queue.depth());
        }
        int free = limit - used;
        if (free > overhead + USER_MSG_OVERHEAD) {
            List<byte[]> user = delegate.broadcasts(overhead + USER_MSG_OVERHEAD, free);
            if (user != null) {
                for (byte[] b : user) {
                    out.add(new UserMessage(b));
                }
            }
        }
        return out;
    }

    int depth() {
        return queue.depth();
    }

    /** Drops every queued broadcast (shutdown), finishing each. */
    void reset() {
        queue.reset();
    }
}
