package io.ipkeeper.gossip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How a node moves bytes: best-effort packets (memberlist's UDP) and request/reply streams (memberlist's TCP: push/pull,
 * fallback ping, reliable user messages). The protocol code sees only this interface, so the same code runs over real
 * sockets ({@code NetTransport}), an in-memory network in tests, and the simulator's network model.
 *
 * <p>Contract: no method throws for network trouble (unreachable peer, oversized packet, closed socket); failures are
 * counted by the implementation and surface as a failed future for {@link #exchange}. Inbound callbacks run on transport
 * threads and must not block; the protocol hands them to its own single thread.
 */
public interface Transport extends AutoCloseable {

    /** Receives what arrives. Called from transport threads; implementations must be quick and thread-safe. */
    interface Inbound {
        /**
         * One packet.
         *
         * @param receivedNanos {@link Scheduler#nanoTime()}-compatible receive time, stamped right after the read
         *     (used for round-trip times)
         */
        void packet(InetSocketAddress from, byte[] data, long receivedNanos);

        /** One framed stream request; answer through {@code reply} (at most once) or close it. */
        void stream(InetSocketAddress from, byte[] request, StreamReply reply);
    }

    /** The other end of an inbound stream. Either send one reply (which also closes the stream) or close. */
    interface StreamReply {
        void send(byte[] data);

        void close();
    }

    /**
     * Delimits one message in a stream. Streams carry one message each way with no outer length prefix (memberlist's
     * format), so the transport asks the wire codec where a message ends.
     */
    @FunctionalInterface
    interface Framing {
        /**
         * @return the length of the complete message starting at {@code buf[0]}, or -1 if more bytes are needed
         * @throws IllegalArgumentException if the bytes can never form a valid message
         */
        int messageLength(byte[] buf, int length);
    }

    /** Starts delivering inbound traffic to {@code inbound}. Called once. */
    void start(Inbound inbound) throws IOException;

    /** The address this transport is reachable at (with the real port when the configured port was 0). */
    InetSocketAddress localAddress();

    /** Sends one packet, best effort. */
    void sendPacket(InetSocketAddress to, byte[] packet);

    /**
     * Opens a stream to {@code to}, writes {@code request} and, when {@code expectReply}, reads one framed reply.
     * Completes with the reply (an empty array when no reply is expected), or exceptionally on connect failure,
     * timeout or a malformed reply.
     */
    CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, boolean expectReply, Duration timeout);

    /** Stops receiving and releases sockets. Idempotent; sends nothing. */
    @Override
    void close();
}
