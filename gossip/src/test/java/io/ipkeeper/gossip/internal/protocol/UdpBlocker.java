package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Transport;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

/** Drops every UDP packet sent to a blocked address; streams (TCP) still go through. */
final class UdpBlocker extends ForwardingTransport {
    private final Set<InetSocketAddress> blocked = new HashSet<>();

    UdpBlocker(Transport inner) {
        super(inner);
    }

    void block(InetSocketAddress to) {
        blocked.add(to);
    }

    @Override
    public void sendPacket(InetSocketAddress to, byte[] packet) {
        if (!blocked.contains(to)) {
            inner.sendPacket(to, packet);
        }
    }
}
