package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A transport that passes everything to another; tests override what they want to see or change. */
abstract class ForwardingTransport implements Transport {
    final Transport inner;

    ForwardingTransport(Transport inner) {
        this.inner = inner;
    }

    @Override
    public void start(Inbound inbound) throws java.io.IOException {
        inner.start(inbound);
    }

    @Override
    public InetSocketAddress localAddress() {
        return inner.localAddress();
    }

    @Override
    public void sendPacket(InetSocketAddress to, byte[] packet) {
        inner.sendPacket(to, packet);
    }

    @Override
    public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, boolean expectReply,
            Duration timeout) {
        return inner.exchange(to, request, expectReply, timeout);
    }

    @Override
    public void close() {
        inner.close();
    }
}
