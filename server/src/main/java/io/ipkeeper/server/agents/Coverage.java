package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which leaf subnets an agent covers: those its host has an IPv4 address in, on an interface with a MAC whose ARP it
 * watches. ARP does not cross routers, so these are exactly the segments whose ARP traffic it can hear; an agent
 * without ARP watch (no CAP_NET_RAW) covers nothing, since it cannot tell that an address is unused.
 */
final class Coverage {
    private Coverage() {}

    /** The covered subnets, by id, for the host addresses of {@code interfaces} (as stored: name, mac, addresses). */
    static List<Subnet> of(boolean arpWatch, List<Map<String, Object>> interfaces, List<Subnet> subnetsOfSpace) {
        Map<Long, Subnet> covered = new LinkedHashMap<>();
        if (!arpWatch) {
            return List.of();
        }
        for (Map<String, Object> i : interfaces) {
            if (Boolean.FALSE.equals(i.get("watched"))) {
                continue;
            }
            Object mac = i.get("mac");
            if (!(mac instanceof String m) || m.isEmpty() || !(i.get("addresses") instanceof List<?> addresses)) {
                continue;
            }
            for (Object a : addresses) {
                String text = String.valueOf(a);
                IpAddress address = IpAddress.parse(text.substring(0, text.indexOf('/')));
                if (address.isV4()) {
                    leafContaining(address, subnetsOfSpace).ifPresent(s -> covered.putIfAbsent(s.id(), s));
                }
            }
        }
        return List.copyOf(covered.values());
    }

    private static Optional<Subnet> leafContaining(IpAddress address, List<Subnet> subnets) {
        return subnets.stream().filter(s -> !s.container() && s.prefix().contains(address))
                .max(Comparator.comparingInt((Subnet s) -> s.prefix().length()));
    }

    /** For views: the prefix text of each covered subnet with its id. */
    static List<Map<String, Object>> view(List<Subnet> covered) {
        return covered.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("prefix", s.prefix().toString());
            return m;
        }).toList();
    }
}
