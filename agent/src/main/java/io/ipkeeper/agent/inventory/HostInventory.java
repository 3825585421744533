package io.ipkeeper.agent.inventory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the host's interfaces. Two snapshots of an unchanged host are {@code equals} apart from
 * {@code readAt}; {@link InventoryDiff#between} says what changed.
 */
public record HostInventory(Instant readAt, List<HostInterface> interfaces) {

    public HostInventory {
        Objects.requireNonNull(readAt, "readAt");
        interfaces = interfaces.stream().sorted(Comparator.comparing(HostInterface::name)).toList();
    }

    public Optional<HostInterface> find(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * The IPv4 subnets this host has an address in, apart from loopback: the segments its ARP watch can cover (ARP
     * does not cross routers).
     */
    public List<InterfaceAddress> coveredIpv4Subnets() {
        return interfaces.stream()
                .filter(i -> i.kind() != InterfaceKind.LOOPBACK)
                .flatMap(i -> i.ipv4Addresses().stream())
                .map(InterfaceAddress::network)
                .distinct()
                .sorted()
                .toList();
    }
}
