package io.ipkeeper.server.netbox.internal;

import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NetBox 4.5 object shapes (netbox/ipam/api/serializers_/ip.py): the full field set, with null or empty values for
 * what ipkeeper does not model, or the brief set. Every {@code url} is absolute and shaped
 * {@code /api/<app>/<endpoint>/<id>/}, because pynetbox maps nested objects to endpoints by parsing it.
 */
public final class NetboxViews {
    private final String origin;
    private final Catalog catalog;

    public NetboxViews(String origin, Catalog catalog) {
        this.origin = origin;
        this.catalog = catalog;
    }

    public String url(String endpoint, long id) {
        return origin + "/api/ipam/" + endpoint + "/" + id + "/";
    }

    private String displayUrl(String endpoint, long id) {
        return origin + "/ipam/" + endpoint + "/" + id + "/";
    }

    public static Map<String, Object> choice(Object value, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("label", label);
        return m;
    }

    public static Map<String, Object> family(boolean v4) {
        return choice(v4 ? 4 : 6, v4 ? "IPv4" : "IPv6");
    }

    /** The nested VRF of a space, or null for the default space (NetBox's global table). */
    public Map<String, Object> vrf(long spaceId) {
        if (catalog.isDefault(spaceId)) {
            return null;
        }
        AddressSpace s = catalog.space(spaceId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("url", url("vrfs", s.id()));
        m.put("display", s.name());
        m.put("name", s.name());
        m.put("rd", null);
        m.put("description", s.description() == null ? "" : s.description());
        return m;
    }

    public Map<String, Object> vrfFull(AddressSpace s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("url", url("vrfs", s.id()));
        m.put("display_url", displayUrl("vrfs", s.id()));
        m.put("display", s.name());
        m.put("name", s.name());
        m.put("rd", null);
        m.put("tenant", null);
        m.put("enforce_unique", true);
        m.put("description", s.description() == null ? "" : s.description());
        m.put("owner", null);
        m.put("comments", "");
        m.put("import_targets", List.of());
        m.put("export_targets", List.of());
        tail(m, s.createdAt());
        return m;
    }

    public Map<String, Object> prefix(Subnet n, boolean brief) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("url", url("prefixes", n.id()));
        if (!brief) {
            m.put("display_url", displayUrl("prefixes", n.id()));
        }
        m.put("display", n.prefix().toString());
        m.put("family", family(n.prefix().network().isV4()));
        m.put("prefix", n.prefix().toString());
        if (brief) {
            m.put("description", text(n.description()));
            m.put("_depth", catalog.depth(n));
            return m;
        }
        m.put("vrf", vrf(n.spaceId()));
        m.put("scope_type", null);
        m.put("scope_id", null);
        m.put("scope", null);
        m.put("tenant", null);
        m.put("vlan", null);
        m.put("status", n.container() ? choice("container", "Container") : choice("active", "Active"));
        m.put("role", null);
        m.put("is_pool", false);
        m.put("mark_utilized", false);
        m.put("description", text(n.description()));
        m.put("owner", null);
        m.put("comments", "");
        tail(m, n.createdAt());
        m.put("children", catalog.children(n));
        m.put("_depth", catalog.depth(n));
        return m;
    }

    public Map<String, Object> range(IpRange r, Subnet n, boolean brief) {
        int len = n.prefix().length();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("url", url("ip-ranges", r.id()));
        if (!brief) {
            m.put("display_url", displayUrl("ip-ranges", r.id()));
        }
        m.put("display", r.range().start() + "-" + r.range().end() + "/" + len);
        m.put("family", family(r.range().start().isV4()));
        m.put("start_address", r.range().start() + "/" + len);
        m.put("end_address", r.range().end() + "/" + len);
        if (brief) {
            m.put("description", text(r.description()));
            return m;
        }
        m.put("size", new java.math.BigInteger(r.range().size().toString()));
        m.put("vrf", vrf(n.spaceId()));
        m.put("tenant", null);
        m.put("status", choice("active", "Active"));
        m.put("role", null);
        m.put("description", text(r.description()));
        m.put("owner", null);
        m.put("comments", "");
        tail(m, r.createdAt());
        m.put("mark_populated", false);
        m.put("mark_utilized", false);
        return m;
    }

    public Map<String, Object> address(Allocation a, boolean brief) {
        Subnet n = catalog.subnet(a.subnetId()).orElseThrow();
        String address = a.address() + "/" + n.prefix().length();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", url("ip-addresses", a.id()));
        if (!brief) {
            m.put("display_url", displayUrl("ip-addresses", a.id()));
        }
        m.put("display", address);
        m.put("family", family(a.address().isV4()));
        m.put("address", address);
        if (brief) {
            m.put("description", text(a.description()));
            return m;
        }
        m.put("vrf", vrf(a.spaceId()));
        m.put("tenant", null);
        m.put("status", a.state() == AllocationState.RESERVED ? choice("reserved", "Reserved") : choice("active", "Active"));
        m.put("role", null);
        m.put("assigned_object_type", null);
        m.put("assigned_object_id", null);
        m.put("assigned_object", null);
        m.put("nat_inside", null);
        m.put("nat_outside", List.of());
        m.put("dns_name", text(a.hostname()));
        m.put("description", text(a.description()));
        m.put("owner", null);
        m.put("comments", "");
        tail(m, a.createdAt());
        return m;
    }

    /** An item of GET available-ips: here {@code family} is a plain int, not a choice. */
    public Map<String, Object> available(IpAddress ip, Subnet n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", ip.isV4() ? 4 : 6);
        m.put("address", ip + "/" + n.prefix().length());
        m.put("vrf", vrf(n.spaceId()));
        return m;
    }

    private static void tail(Map<String, Object> m, Instant created) {
        m.put("tags", List.of());
        m.put("custom_fields", Map.of());
        m.put("created", created);
        m.put("last_updated", created);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
