package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;

/**
 * The agent's ARP pieces as a tiny command-line tool, for tests that run it inside a network namespace:
 * <ul>
 *   <li>{@code watch IFACE} — prints {@code READY <mac>}, then {@code OBS <address> <mac> <kind> <count>} per observation;
 *   <li>{@code announce IFACE ADDRESS COUNT INTERVAL_MS} — sends a gratuitous request and reply per round, like a host
 *       that claims ADDRESS now and then;
 *   <li>{@code probe IFACE ADDRESS} — RFC 5227 probe (fast timing); prints {@code PROBE <address> <millis> <probes> <macs…>};
 *   <li>{@code ping ADDRESS} — prints {@code REACHABLE true|false} from ICMP echo (as root the JDK sends real ICMP).
 * </ul>
 * Exits 0 when done, 2 on a raw-socket error (message on stderr).
 */
public final class ArpToolMain {

    private ArpToolMain() {}

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "watch" -> watch(args[1]);
                case "announce" -> announce(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
                case "probe" -> probe(args[1], args[2]);
                case "ping" -> System.out.println("REACHABLE " + Ipv4.parse(args[1]).isReachable(1500));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (RawSocketException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private static void watch(String iface) throws Exception {
        ArpSocket socket = ArpSockets.open(iface);
        MacAddress mac = socket.mac();
        ArpWatchConfig config = new ArpWatchConfig(Duration.ofMillis(100), 1000, 5000);
        try (ArpWatch watch = ArpWatch.start(List.of(socket), config, InstantSource.system(), batch -> batch.forEach(o ->
                System.out.println("OBS " + o.address().getHostAddress() + " " + o.mac() + " " + o.kind() + " " + o.count())))) {
            System.out.println("READY " + mac);
            Thread.sleep(Duration.ofSeconds(60)); // the test kills us long before
        }
    }

    private static void announce(String iface, String address, int count, long intervalMillis) throws Exception {
        try (ArpSocket socket = ArpSockets.open(iface)) {
            for (int i = 0; i < count; i++) {
                socket.send(ArpFrame.announcement(socket.mac(), Ipv4.parse(address)));
                socket.send(ArpFrame.gratuitousReply(socket.mac(), Ipv4.parse(address)));
                System.out.println("SENT " + (i + 1));
                Thread.sleep(intervalMillis);
            }
        }
    }

    private static void probe(String iface, String address) throws Exception {
        try (ArpSocket socket = ArpSockets.open(iface)) {
            ProbeResult result = new ArpProber(ProbeTiming.fast(), new Random()).probe(socket, Ipv4.parse(address));
            System.out.println("PROBE " + result.address().getHostAddress() + " " + result.duration().toMillis() + " "
                    + result.probesSent() + " " + String.join(" ", result.answeringMacs().stream().map(MacAddress::toString).toList()));
        }
    }
}
