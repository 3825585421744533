package io.ipkeeper.server.api;

import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.Utilization;
import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of IPAM objects (camelCase, addresses and times as strings). Kept apart from the model so the wire
 * format is a decision, not a side effect of record component names.
 */
public final class Views {
    private Views() {}

    public static Map<String, Object> space(AddressSpace s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", text(s.createdAt()));
        return m;
    }

    public static Map<String, Object> subnet(Subnet s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("space", s.spaceId());
        m.put("parent", s.parentId());
        m.put("prefix", s.prefix().toString());
        m.put("container", s.container());
        m.put("gateway", text(s.gateway()));
        m.put("vlan", s.vlan());
        m.put("dnsServers", s.dnsServers().stream().map(IpAddress::toString).toList());
        m.put("description", s.description());
        m.put("utilizationThreshold", s.utilizationThreshold());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", text(s.createdAt()));
        return m;
    }

    public static Map<String, Object> range(IpRange r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("subnet", r.subnetId());
        m.put("start", r.range().start().toString());
        m.put("end", r.range().end().toString());
        m.put("size", count(r.range().size()));
        m.put("purpose", r.purpose().label());
        m.put("owner", r.owner());
        m.put("description", r.description());
        m.put("createdBy", r.createdBy());
        m.put("createdAt", text(r.createdAt()));
        return m;
    }

    public static Map<String, Object> allocation(Allocation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("address", a.address().toString());
        m.put("space", a.spaceId());
        m.put("subnet", a.subnetId());
        m.put("range", a.rangeId());
        m.put("state", a.state().label());
        m.put("owner", a.owner());
        m.put("hostname", a.hostname());
        m.put("mac", a.mac());
        m.put("purpose", a.purpose());
        m.put("description", a.description());
        m.put("expiresAt", text(a.expiresAt()));
        m.put("releasedAt", text(a.releasedAt()));
        m.put("quarantineUntil", text(a.quarantineUntil()));
        m.put("idempotencyKey", a.idempotencyKey());
        m.put("createdBy", a.createdBy());
        m.put("createdAt", text(a.createdAt()));
        return m;
    }

    public static Map<String, Object> utilization(Utilization u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", count(u.size()));
        m.put("allocated", u.allocated());
        m.put("reserved", u.reserved());
        m.put("quarantined", u.quarantined());
        m.put("free", count(u.free()));
        m.put("usedPercent", Math.round(u.usedPercent() * 100) / 100.0);
        m.put("thresholdPercent", u.thresholdPercent());
        return m;
    }

    /**
     * Address counts as a JSON number while exact in a double (2^53), else as a decimal string: an IPv6 /64 has 2^64
     * addresses, which JavaScript clients would silently round.
     */
    public static Object count(AddressCount c) {
        if (c.hi() == 0 && c.lo() >= 0 && c.lo() <= (1L << 53)) {
            return c.lo();
        }
        return c.toBigInteger().toString();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
