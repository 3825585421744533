package io.ipkeeper.server.netbox.internal;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request's view of spaces and subnets, read once: NetBox filters and nested objects need the whole tree (a
 * prefix's depth and children, which space is the global table). Spaces map to VRFs; the <em>default</em> space (the
 * one named {@code default}, else the oldest) is NetBox's global table, {@code vrf: null}.
 */
public final class Catalog {
    public static final String DEFAULT_SPACE = "default";

    private final Ipam ipam;
    private final List<AddressSpace> spaces;
    private final Map<Long, AddressSpace> spaceById = new HashMap<>();
    private final List<Subnet> subnets = new ArrayList<>();
    private final Map<Long, Subnet> subnetById = new HashMap<>();
    private final AddressSpace defaultSpace;

    public Catalog(Ipam ipam) {
        this.ipam = ipam;
        this.spaces = ipam.spaces().list();
        for (AddressSpace s : spaces) {
            spaceById.put(s.id(), s);
            for (Subnet n : ipam.subnets().list(s.id())) {
                subnets.add(n);
                subnetById.put(n.id(), n);
            }
        }
        defaultSpace = spaces.stream().filter(s -> s.name().equals(DEFAULT_SPACE)).findFirst()
                .orElse(spaces.isEmpty() ? null : spaces.getFirst());
        subnets.sort(Comparator.comparing((Subnet n) -> isDefault(n.spaceId()) ? 0L : n.spaceId())
                .thenComparing(Subnet::prefix));
    }

    public List<AddressSpace> spaces() {
        return spaces;
    }

    /** All subnets, global table first, then by VRF and prefix (NetBox's order). */
    public List<Subnet> subnets() {
        return subnets;
    }

    public Optional<Subnet> subnet(long id) {
        return Optional.ofNullable(subnetById.get(id));
    }

    public AddressSpace space(long id) {
        AddressSpace s = spaceById.get(id);
        if (s == null) {
            throw new NotFound("address space " + id + " does not exist");
        }
        return s;
    }

    public Optional<AddressSpace> spaceOrEmpty(long id) {
        return Optional.ofNullable(spaceById.get(id));
    }

    public Optional<AddressSpace> spaceNamed(String name) {
        return spaces.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean isDefault(long spaceId) {
        return defaultSpace != null && defaultSpace.id() == spaceId;
    }

    /** The space NetBox calls the global table; null when there are no spaces at all. */
    public AddressSpace defaultSpace() {
        return defaultSpace;
    }

    /** How many subnets enclose this one (NetBox's {@code _depth}). */
    public int depth(Subnet n) {
        int d = 0;
        for (Long p = n.parentId(); p != null; p = subnetById.containsKey(p) ? subnetById.get(p).parentId() : null) {
            d++;
        }
        return d;
    }

    /** How many subnets lie below this one at any depth (NetBox's {@code children}). */
    public int children(Subnet n) {
        int c = 0;
        for (Subnet s : subnets) {
            if (s.spaceId() == n.spaceId() && s.id() != n.id() && n.prefix().contains(s.prefix())) {
                c++;
            }
        }
        return c;
    }

    /** The smallest leaf subnet of {@code spaceId} holding {@code address}: where a specific address is allocated. */
    public Optional<Subnet> leafContaining(long spaceId, IpAddress address) {
        return subnets.stream().filter(n -> n.spaceId() == spaceId && !n.container() && n.prefix().contains(address))
                .max(Comparator.comparingInt(n -> n.prefix().length()));
    }

    public List<IpRange> ranges(Subnet n) {
        return ipam.ranges().list(n.id());
    }
}
