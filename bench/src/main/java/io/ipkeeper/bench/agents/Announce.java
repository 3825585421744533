package io.ipkeeper.bench.agents;

import io.ipkeeper.agent.arp.ArpFrame;
import io.ipkeeper.agent.arp.ArpSocket;
import io.ipkeeper.agent.arp.ArpSockets;
import io.ipkeeper.agent.arp.Ipv4;

/**
 * The squatter of {@link ConflictLatencyBench}, run inside a network namespace: {@code IFACE ADDRESS} sends one
 * gratuitous ARP request and reply claiming ADDRESS and prints {@code SENT <epoch millis>} (the latency's start).
 */
public final class Announce {
    private Announce() {}

    public static void main(String[] args) throws Exception {
        try (ArpSocket socket = ArpSockets.open(args[0])) {
            socket.send(ArpFrame.announcement(socket.mac(), Ipv4.parse(args[1])));
            long sent = System.currentTimeMillis();
            socket.send(ArpFrame.gratuitousReply(socket.mac(), Ipv4.parse(args[1])));
            System.out.println("SENT " + sent);
        }
        System.exit(0);
    }
}
