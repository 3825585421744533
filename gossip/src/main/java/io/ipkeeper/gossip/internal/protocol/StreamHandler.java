package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.DecodedStream;
import io.ipkeeper.gossip.internal.wire.DigestRecords;
import io.ipkeeper.gossip.internal.wire.DigestRequest;
import io.ipkeeper.gossip.internal.wire.ErrorResponse;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import io.ipkeeper.gossip.internal.wire.StreamMessage;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP streams (spec §2): serving inbound ones (push/pull, TCP ping → ack, reliable user message; memberlist
 * {@code handleConn}) and the client side of the TCP fallback ping and of reliable user messages. Decoding errors are
 * answered with an error response, as memberlist does, and counted.
 */
final class StreamHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

    private final ProtocolNode node;

    StreamHandler(ProtocolNode node) {
        this.node = node;
    }

    void handle(InetSocketAddress from, byte[] request, Transport.StreamReply reply) {
        DecodedStream decoded;
        try {
            decoded = decode(request);
        } catch (WireFormatException e) {
            node.metrics.packetDropped(e.reason());
            log.debug("{}: bad stream from {}: {}", node.localName(), from, e.getMessage());
            reply(reply, new ErrorResponse(e.getMessage()));
            return;
        }
        if (!decoded.label().equals(node.config.label())) {
            node.metrics.packetDropped("label mismatch");
            reply.close();
            return;
        }
        if (node.wire.encryptionEnabled() && node.wire.verifyIncoming() && decoded.encryption() == null) {
            node.metrics.packetDropped("unencrypted stream");
            reply(reply, new ErrorResponse("encryption is configured but remote state is not encrypted"));
            return;
        }
        StreamMessage message = decoded.message();
        switch (message) {
            case PushPull p -> node.pushPull.serve(from, p, reply);
            case DigestRequest d -> node.digestExchange.serve(from, d, reply);
            case DigestRecords d -> node.digestExchange.serve(from, d, reply);
            case Ping p -> {
                if (!p.node().isEmpty() && !p.node().equals(node.localName())) {
                    node.metrics.packetDropped("TCP ping for another node");
                    reply.close();
                } else {
                    reply(reply, new Ack(p.seqNo(), null));
                }
            }
            case UserMessage u -> {
                reply.close();
                node.delegate.notifyMessage(u.payload());
            }
            default -> {
                node.metrics.packetDropped("unexpected stream message " + message.type().wireName());
                reply(reply, new ErrorResponse("unexpected message type " + message.type().wireName()));
            }
        }
    }

    /** Decodes one stream message, honouring {@code gossipVerifyIncoming=false} for plaintext peers. */
    DecodedStream decode(byte[] bytes) {
        try {
            return StreamCodec.decodeStream(bytes, node.wire.incoming());
        } catch (WireFormatException e) {
            if (node.wire.encryptionEnabled() && !node.wire.verifyIncoming()) {
                return StreamCodec.decodeStream(bytes, node.wire.incomingPlaintext());
            }
            throw e;
        }
    }

    byte[] encode(StreamMessage message) {
        byte[] bytes = StreamCodec.encodeStream(message, node.wire.outgoingStream());
        node.metrics.bytesSent(bytes.length);
        return bytes;
    }

    private void reply(Transport.StreamReply reply, StreamMessage message) {
        reply.send(encode(message));
    }

    /**
     * Sends one request and hands the decoded reply to {@code onReply} on the protocol thread; failures (connect,
     * timeout, malformed reply, an error response) go to {@code onError} as a one-line reason.
     */
    void exchange(InetSocketAddress to, StreamMessage request, boolean expectReply, Duration timeout,
            Consumer<StreamMessage> onReply, Consumer<String> onError) {
        CompletableFuture<byte[]> f = node.transport.exchange(to, encode(request), expectReply, timeout);
        f.whenComplete((bytes, error) -> node.scheduler.execute(() -> {
            if (error != null) {
                onError.accept(reason(error));
                return;
            }
            if (!expectReply) {
                onReply.accept(null);
                return;
            }
            node.metrics.bytesReceived(bytes.length);
            StreamMessage reply;
            try {
                reply = decode(bytes).message();
            } catch (WireFormatException e) {
                onError.accept("malformed reply: " + e.getMessage());
                return;
            }
            if (reply instanceof ErrorResponse err) {
                onError.accept("remote error: " + err.error());
                return;
            }
            onReply.accept(reply);
        }));
    }

    /** memberlist {@code sendPingAndWaitForAck}: true when the node answered with the right ack in time. */
    void tcpPing(InetSocketAddress to, String targetName, long seqNo, Duration deadline, Consumer<Boolean> result) {
        Ping ping = new Ping(seqNo, targetName, node.advertiseAddrBytes(), node.advertise().getPort(),
                node.localName());
        exchange(to, ping, true, deadline, reply -> {
            boolean ok = reply instanceof Ack a && a.seqNo() == seqNo;
            if (!ok) {
                log.debug("{}: TCP ping to {} got {}", node.localName(), targetName, reply);
            }
            result.accept(ok);
        }, error -> result.accept(false));
    }

    /** memberlist {@code sendUserMsg}: a user message over TCP, no reply. */
    CompletableFuture<Void> sendUserMessage(InetSocketAddress to, byte[] payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        exchange(to, new UserMessage(payload), false, node.config.tcpTimeout(), ok -> done.complete(null),
                error -> done.completeExceptionally(new java.io.IOException("reliable send to " + to
                        + " failed: " + error)));
        return done;
    }

    static String reason(Throwable t) {
        Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}
