package io.ipkeeper.server.netbox.internal;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.IpRange;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Query parameters and path ids as NetBox reads them, and the OPTIONS metadata clients read choices from. */
final class Filters {
    private Filters() {}

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw NetboxError.detail(404, "Not found: '" + ctx.pathParam("id") + "' is not a numeric id.");
        }
    }

    /** A repeatable numeric filter; null when absent. A non-number is a field 400, as in NetBox's filter sets. */
    static Set<Long> ids(Context ctx, String name) {
        List<String> raw = ctx.queryParams(name);
        if (raw.isEmpty()) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (String r : raw) {
            for (String part : r.split(",")) {
                try {
                    out.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw NetboxError.field(name, "Enter a whole number, not '" + part + "'.");
                }
            }
        }
        return out;
    }

    /** {@code vrf_id}: space ids, where {@code null} is the global table (the default space); null when absent. */
    static Set<Long> spaces(Context ctx, Catalog c) {
        List<String> raw = ctx.queryParams("vrf_id");
        if (raw.isEmpty()) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (String r : raw) {
            if (r.strip().equalsIgnoreCase("null")) {
                AddressSpace d = c.defaultSpace();
                out.add(d == null ? -1L : d.id());
                continue;
            }
            try {
                out.add(Long.parseLong(r.strip()));
            } catch (NumberFormatException e) {
                throw NetboxError.field("vrf_id", "Select a valid choice. " + r + " is not one of the available choices.");
            }
        }
        return out;
    }

    static IpRange range(Ipam ipam, long id) {
        try {
            return ipam.ranges().get(id);
        } catch (NotFound e) {
            throw NetboxError.detail(404, "No IPRange matches the given query.");
        }
    }

    /** The OPTIONS answer: {@code actions.POST.status.choices} as {@code [{value, display_name}]}. */
    static Map<String, Object> options(String name, List<String> statuses) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("type", "choice");
        status.put("required", false);
        status.put("read_only", false);
        status.put("label", "Status");
        status.put("choices", statuses.stream().map(s -> Map.of("value", s,
                "display_name", Character.toUpperCase(s.charAt(0)) + s.substring(1))).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", "");
        m.put("renders", List.of("application/json"));
        m.put("parses", List.of("application/json", "multipart/form-data"));
        m.put("actions", Map.of("POST", Map.of("status", status)));
        return m;
    }
}
