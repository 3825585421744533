package io.ipkeeper.agent.internal.inventory;

import io.ipkeeper.agent.inventory.InterfaceAddress;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * IPv4 addresses with prefix lengths by interface name, from {@link NetworkInterface} (getifaddrs on Linux, so
 * secondary addresses such as a keepalived or pgpool VIP are included). /proc has no per-interface IPv4 address list.
 * Labelled aliases ({@code eth0:1}) are folded into their interface.
 */
public final class JdkIpv4Addresses {

    private JdkIpv4Addresses() {}

    public static Map<String, List<InterfaceAddress>> read() throws IOException {
        Map<String, List<InterfaceAddress>> byInterface = new LinkedHashMap<>();
        List<NetworkInterface> all = NetworkInterface.networkInterfaces()
                .flatMap(n -> Stream.concat(Stream.of(n), n.subInterfaces()))
                .toList();
        for (NetworkInterface nif : all) {
            String name = nif.getName();
            int colon = name.indexOf(':');
            String owner = colon > 0 ? name.substring(0, colon) : name;
            for (java.net.InterfaceAddress a : nif.getInterfaceAddresses()) {
                if (a.getAddress() instanceof Inet4Address v4) {
                    byInterface.computeIfAbsent(owner, k -> new ArrayList<>()).add(new InterfaceAddress(v4, a.getNetworkPrefixLength()));
                }
            }
        }
        return byInterface;
    }
}
