package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.internal.packet.PacketArpSocket;

/** Opens the real, AF_PACKET-backed {@link ArpSocket}. Needs {@code CAP_NET_RAW} and native access for this module. */
public final class ArpSockets {

    private ArpSockets() {}

    /**
     * An ARP socket bound to {@code interfaceName} in this process's network namespace.
     *
     * @throws MissingCapabilityException without {@code CAP_NET_RAW}
     * @throws RawSocketException when the interface does not exist or the kernel refuses otherwise
     */
    public static ArpSocket open(String interfaceName) throws RawSocketException {
        return PacketArpSocket.open(interfaceName);
    }
}
