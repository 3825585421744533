package io.ipkeeper.server.netbox.internal;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.MalformedPrefix;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.Prefix;
import io.ipkeeper.server.Version;
import io.ipkeeper.server.auth.Permission;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The read-only part: root, status, prefixes, IP ranges and VRFs (spaces). */
public final class ReadRoutes {
    /** What the adapter reports itself as: 4.5 is X.Y for Ansible 3.13, ≥ 4.5 for Bearer, < 4.6 for pynetbox paging. */
    public static final String API_VERSION = "4.5";
    public static final String NETBOX_VERSION = "4.5.10";

    private ReadRoutes() {}

    public static void register(NetboxHttp http, Ipam ipam) {
        // pynetbox 7.0.0 reads nb.version from GET /api/ without credentials and needs a 2xx
        http.open("GET", "/api/", ctx -> {
            String o = NetboxHttp.origin(ctx);
            ctx.json(Map.of("ipam", o + "/api/ipam/", "status", o + "/api/status/"));
        });
        http.add("GET", "/api/status/", Permission.READ, (ctx, p) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("django-version", null);
            m.put("hostname", ctx.host());
            m.put("installed_apps", Map.of());
            m.put("netbox-version", NETBOX_VERSION);
            m.put("netbox-full-version", NETBOX_VERSION + " (ipkeeper " + Version.current() + ")");
            m.put("plugins", Map.of());
            m.put("python-version", null);
            m.put("rq-workers-running", 0);
            ctx.json(m);
        });
        http.add("GET", "/api/ipam/", Permission.READ, (ctx, p) -> {
            String o = NetboxHttp.origin(ctx) + "/api/ipam/";
            ctx.json(Map.of("prefixes", o + "prefixes/", "ip-ranges", o + "ip-ranges/", "ip-addresses",
                    o + "ip-addresses/", "vrfs", o + "vrfs/"));
        });
        http.add("GET", "/api/ipam/prefixes/", Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            NetboxViews v = new NetboxViews(NetboxHttp.origin(ctx), c);
            List<Subnet> all = c.subnets().stream().filter(prefixFilter(ctx, c)).toList();
            boolean brief = Listing.brief(ctx);
            ctx.json(Listing.page(ctx, all, n -> v.prefix(n, brief)));
        });
        http.add("GET", "/api/ipam/prefixes/{id}/", Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            Subnet n = c.subnet(Filters.id(ctx)).orElseThrow(() -> NetboxError.detail(404, "No Prefix matches the given query."));
            ctx.json(new NetboxViews(NetboxHttp.origin(ctx), c).prefix(n, Listing.brief(ctx)));
        });
        http.add("OPTIONS", "/api/ipam/prefixes/", Permission.READ, (ctx, p) ->
                ctx.json(Filters.options("Prefix List", List.of("container", "active"))));
        http.add("GET", "/api/ipam/ip-ranges/", Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            NetboxViews v = new NetboxViews(NetboxHttp.origin(ctx), c);
            Set<Long> ids = Filters.ids(ctx, "id");
            Set<Long> spaces = Filters.spaces(ctx, c);
            List<Map.Entry<IpRange, Subnet>> all = new ArrayList<>();
            for (Subnet n : c.subnets()) {
                if (spaces != null && !spaces.contains(n.spaceId())) {
                    continue;
                }
                for (IpRange r : c.ranges(n)) {
                    if (ids == null || ids.contains(r.id())) {
                        all.add(Map.entry(r, n));
                    }
                }
            }
            boolean brief = Listing.brief(ctx);
            ctx.json(Listing.page(ctx, all, e -> v.range(e.getKey(), e.getValue(), brief)));
        });
        http.add("GET", "/api/ipam/ip-ranges/{id}/", Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            IpRange r = Filters.range(ipam, Filters.id(ctx));
            Subnet n = c.subnet(r.subnetId()).orElseThrow();
            ctx.json(new NetboxViews(NetboxHttp.origin(ctx), c).range(r, n, Listing.brief(ctx)));
        });
        http.add("GET", "/api/ipam/vrfs/", Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            NetboxViews v = new NetboxViews(NetboxHttp.origin(ctx), c);
            Set<Long> ids = Filters.ids(ctx, "id");
            List<String> names = ctx.queryParams("name");
            List<AddressSpace> all = c.spaces().stream().filter(s -> !c.isDefault(s.id()))
                    .filter(s -> ids == null || ids.contains(s.id()))
                    .filter(s -> names.isEmpty() || names.contains(s.name())).toList();
            ctx.json(Listing.page(ctx, all, v::vrfFull));
        });
        http.add("GET", "/api/ipam/vrfs/{id}/", Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            long id = Filters.id(ctx);
            AddressSpace s = c.spaceOrEmpty(id).filter(x -> !c.isDefault(x.id()))
                    .orElseThrow(() -> NetboxError.detail(404, "No VRF matches the given query."));
            ctx.json(new NetboxViews(NetboxHttp.origin(ctx), c).vrfFull(s));
        });
    }

    /** {@code id}, {@code prefix}, {@code vrf_id} and {@code family}, each repeatable (values OR-ed, filters AND-ed). */
    private static Predicate<Subnet> prefixFilter(Context ctx, Catalog c) {
        Set<Long> ids = Filters.ids(ctx, "id");
        Set<Long> spaces = Filters.spaces(ctx, c);
        List<Prefix> prefixes = new ArrayList<>();
        for (String raw : ctx.queryParams("prefix")) {
            try {
                prefixes.add(Prefix.parse(raw.strip()));
            } catch (MalformedPrefix e) {
                throw NetboxError.field("prefix", "'" + raw + "' is not a valid prefix: " + e.getMessage());
            }
        }
        Set<String> families = ctx.queryParams("family").stream().map(String::strip).collect(Collectors.toSet());
        return n -> (ids == null || ids.contains(n.id())) && (spaces == null || spaces.contains(n.spaceId()))
                && (prefixes.isEmpty() || prefixes.contains(n.prefix()))
                && (families.isEmpty() || families.contains(n.prefix().network().isV4() ? "4" : "6"));
    }
}
