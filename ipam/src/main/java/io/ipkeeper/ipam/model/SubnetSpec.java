package io.ipkeeper.ipam.model;

import java.util.List;

/**
 * What a caller asks for when creating a subnet (text fields are parsed and validated by the service).
 *
 * @param container create as a container (child prefixes only) even before it has children
 */
public record SubnetSpec(long spaceId, String prefix, boolean container, String gateway, Integer vlan,
                         List<String> dnsServers, String description, Integer utilizationThreshold) {

    public static SubnetSpec of(long spaceId, String prefix) {
        return new SubnetSpec(spaceId, prefix, false, null, null, List.of(), null, null);
    }

    public SubnetSpec asContainer() {
        return new SubnetSpec(spaceId, prefix, true, gateway, vlan, dnsServers, description, utilizationThreshold);
    }

    public SubnetSpec withGateway(String gw) {
        return new SubnetSpec(spaceId, prefix, container, gw, vlan, dnsServers, description, utilizationThreshold);
    }

    public SubnetSpec withVlan(Integer v) {
        return new SubnetSpec(spaceId, prefix, container, gateway, v, dnsServers, description, utilizationThreshold);
    }

    public SubnetSpec withDns(List<String> dns) {
        return new SubnetSpec(spaceId, prefix, container, gateway, vlan, dns, description, utilizationThreshold);
    }

    public SubnetSpec withDescription(String d) {
        return new SubnetSpec(spaceId, prefix, container, gateway, vlan, dnsServers, d, utilizationThreshold);
    }

    public SubnetSpec withUtilizationThreshold(Integer percent) {
        return new SubnetSpec(spaceId, prefix, container, gateway, vlan, dnsServers, description, percent);
    }
}
