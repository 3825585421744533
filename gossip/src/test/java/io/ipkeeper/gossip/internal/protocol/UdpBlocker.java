package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Wraps a transport and drops every UDP packet it sends to a blocked address; streams (TCP) still go through. */
final class UdpBlocker implements Transport {
    private final Transport inner;
    private final Set<InetSocketAddress> blocked = new HashSet<>();

    UdpBlocker(Transport inner) {
        this.inner = inner;
    }

    void block(InetSocketAddress to) {
        blocked.add(to);
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
        if (!blocked.contains(to)) {
            inner.sendPacket(to, packet);
        }
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
