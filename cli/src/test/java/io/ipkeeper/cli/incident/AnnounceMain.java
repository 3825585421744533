package io.ipkeeper.cli.incident;

import io.ipkeeper.agent.arp.ArpFrame;
import io.ipkeeper.agent.arp.ArpSocket;
import io.ipkeeper.agent.arp.ArpSockets;
import io.ipkeeper.agent.arp.Ipv4;
import java.net.Inet4Address;

/**
 * The incident's squatter: {@code IFACE ADDRESS INTERVAL_MS [COUNT]} announces ADDRESS with gratuitous ARP (a request
 * and a reply) every INTERVAL_MS, like the VM whose NTP cron made the switch's MAC table flip. Prints
 * {@code SENT <n> <epoch millis>} after each round (the latency benchmark's start time).
 */
public final class AnnounceMain {
    private AnnounceMain() {}

    public static void main(String[] args) throws Exception {
        Inet4Address address = Ipv4.parse(args[1]);
        long interval = Long.parseLong(args[2]);
        int count = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        try (ArpSocket socket = ArpSockets.open(args[0])) {
            System.out.println("MAC " + socket.mac());
            for (int i = 1; i <= count; i++) {
                socket.send(ArpFrame.announcement(socket.mac(), address));
                socket.send(ArpFrame.gratuitousReply(socket.mac(), address));
                System.out.println("SENT " + i + " " + System.currentTimeMillis());
                System.out.flush();
                Thread.sleep(interval);
            }
        }
        System.exit(0);
    }
}
