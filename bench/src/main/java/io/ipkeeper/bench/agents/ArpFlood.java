package io.ipkeeper.bench.agents;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpFrame;
import io.ipkeeper.agent.arp.ArpSocket;
import io.ipkeeper.agent.arp.ArpSockets;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.locks.LockSupport;

/**
 * The flooder of {@link AgentFootprintBench}, run inside its own network namespace: {@code ArpFlood IFACE RATE SECONDS
 * STATIONS} sends ARP requests for 198.18.0.2 at RATE frames/s for SECONDS through the agent module's AF_PACKET
 * socket, from STATIONS different (MAC, address) pairs in 198.18.0.0/24 round robin (so the agent's coalescing sees
 * as many distinct stations as a busy segment would). Prints {@code READY}, then {@code SENT n seconds}.
 */
public final class ArpFlood {
    private ArpFlood() {}

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int stations = Integer.parseInt(args[3]);
        ArpFrame[] frames = new ArpFrame[stations];
        Inet4Address target = (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 198, 18, 0, 2});
        for (int i = 0; i < stations; i++) {
            MacAddress mac = MacAddress.of(new byte[] {0x02, 0x00, 0x5e, 0x77, (byte) (i >> 8), (byte) i});
            Inet4Address sender = (Inet4Address) InetAddress.getByAddress(
                    new byte[] {(byte) 198, 18, 0, (byte) (10 + i % 240)});
            frames[i] = ArpFrame.request(mac, sender, target);
        }
        try (ArpSocket socket = ArpSockets.open(iface)) {
            System.out.println("READY");
            System.out.flush();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long sent = 0;
            // paced in 1 ms slices: send what the rate allows so far, then sleep the rest of the slice
            for (long now = start; now < end; now = System.nanoTime()) {
                long due = (now - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    socket.send(frames[(int) (sent % stations)]);
                    sent++;
                }
                LockSupport.parkNanos(1_000_000L);
            }
            System.out.printf("SENT %d %.3f%n", sent, (System.nanoTime() - start) / 1e9);
        }
    }
}
