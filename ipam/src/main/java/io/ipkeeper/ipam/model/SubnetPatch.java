package io.ipkeeper.ipam.model;

import java.util.List;
import java.util.Optional;

/**
 * A change to a subnet's attributes (what a PATCH carries; the prefix never changes). Each component is {@code null}
 * to leave the attribute as it is, {@code Optional.empty()} to clear it, or a value to set it, the way a JSON merge
 * patch says "absent", {@code null} or a value.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null = unchanged, empty = clear: three states on purpose
public record SubnetPatch(Optional<String> gateway, Optional<Integer> vlan, Optional<List<String>> dnsServers,
                          Optional<String> description, Optional<Integer> utilizationThreshold) {

    /** Changes nothing (start here and add changes). */
    public static SubnetPatch none() {
        return new SubnetPatch(null, null, null, null, null);
    }

    /** Sets the gateway ({@code null}: clears it). */
    public SubnetPatch gateway(String g) {
        return new SubnetPatch(Optional.ofNullable(g), vlan, dnsServers, description, utilizationThreshold);
    }

    public SubnetPatch vlan(Integer v) {
        return new SubnetPatch(gateway, Optional.ofNullable(v), dnsServers, description, utilizationThreshold);
    }

    public SubnetPatch dnsServers(List<String> d) {
        return new SubnetPatch(gateway, vlan, Optional.ofNullable(d), description, utilizationThreshold);
    }

    public SubnetPatch description(String d) {
        return new SubnetPatch(gateway, vlan, dnsServers, Optional.ofNullable(d), utilizationThreshold);
    }

    public SubnetPatch utilizationThreshold(Integer percent) {
        return new SubnetPatch(gateway, vlan, dnsServers, description, Optional.ofNullable(percent));
    }
}
