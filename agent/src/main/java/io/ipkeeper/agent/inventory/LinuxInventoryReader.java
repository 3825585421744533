package io.ipkeeper.agent.inventory;

import io.ipkeeper.agent.internal.inventory.IfInet6Parser;
import io.ipkeeper.agent.internal.inventory.JdkIpv4Addresses;
import io.ipkeeper.agent.internal.inventory.SysfsLink;
import io.ipkeeper.agent.internal.inventory.SysfsNetParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the host inventory on Linux: links from {@code /sys/class/net}, IPv6 from {@code /proc/net/if_inet6}, IPv4
 * from the JDK. Needs no privileges. Reads the network namespace the process is in.
 */
public final class LinuxInventoryReader implements InventoryReader {

    /** IPv4 addresses by interface name. */
    @FunctionalInterface
    public interface Ipv4Source {
        Map<String, List<InterfaceAddress>> read() throws IOException;
    }

    private final Path sysClassNet;
    private final Path ifInet6;
    private final Ipv4Source ipv4;
    private final InstantSource clock;

    private LinuxInventoryReader(Path sysClassNet, Path ifInet6, Ipv4Source ipv4, InstantSource clock) {
        this.sysClassNet = sysClassNet;
        this.ifInet6 = ifInet6;
        this.ipv4 = ipv4;
        this.clock = clock;
    }

    /** This host, as the running process sees it. */
    public static LinuxInventoryReader system() {
        return new LinuxInventoryReader(Path.of("/sys/class/net"), Path.of("/proc/net/if_inet6"), JdkIpv4Addresses::read, InstantSource.system());
    }

    /**
     * Reads other roots: a host's /sys and /proc mounted into a container, or sample trees in tests. A missing
     * {@code ifInet6} file means IPv6 is disabled.
     */
    public static LinuxInventoryReader reading(Path sysClassNet, Path ifInet6, Ipv4Source ipv4, InstantSource clock) {
        return new LinuxInventoryReader(sysClassNet, ifInet6, ipv4, clock);
    }

    @Override
    public HostInventory read() throws IOException {
        List<SysfsLink> links = SysfsNetParser.read(sysClassNet);
        Map<String, List<InterfaceAddress>> v6 = Files.exists(ifInet6) ? IfInet6Parser.parse(Files.readString(ifInet6)) : Map.of();
        Map<String, List<InterfaceAddress>> v4 = ipv4.read();
        List<HostInterface> interfaces = new ArrayList<>();
        for (SysfsLink link : links) {
            List<InterfaceAddress> addresses = new ArrayList<>(v4.getOrDefault(link.name(), List.of()));
            addresses.addAll(v6.getOrDefault(link.name(), List.of()));
            interfaces.add(new HostInterface(link.name(), link.index(), link.mac(), link.up(), link.mtu(), link.kind(), addresses));
        }
        return new HostInventory(clock.instant(), interfaces);
    }
}
