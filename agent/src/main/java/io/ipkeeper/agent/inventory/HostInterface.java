package io.ipkeeper.agent.inventory;

import io.ipkeeper.agent.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One network interface of the host at one moment.
 *
 * @param mac empty for interfaces without an Ethernet address (tun, ipip, …)
 * @param up administratively up (IFF_UP)
 * @param addresses IPv4 first, then IPv6, each in address order
 */
public record HostInterface(String name, int index, Optional<MacAddress> mac, boolean up, int mtu, InterfaceKind kind,
        List<InterfaceAddress> addresses) {

    public HostInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(kind, "kind");
        addresses = addresses.stream().sorted().distinct().toList();
    }

    public List<InterfaceAddress> ipv4Addresses() {
        return addresses.stream().filter(InterfaceAddress::isIpv4).toList();
    }

    public List<InterfaceAddress> ipv6Addresses() {
        return addresses.stream().filter(a -> !a.isIpv4()).toList();
    }
}
