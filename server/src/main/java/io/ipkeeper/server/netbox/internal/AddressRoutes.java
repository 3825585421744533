package io.ipkeeper.server.netbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.MalformedPrefix;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import io.ipkeeper.server.api.AllocationGrants;
import io.ipkeeper.server.api.AllocationStore;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.metrics.AllocationTiming;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/ipam/ip-addresses/}: NetBox IP addresses are ipkeeper's live allocations (allocated → {@code active},
 * reserved → {@code reserved}; released ones in quarantine are gone, as a deleted NetBox address is). Creating one
 * allocates that specific address through the same engine, grants and audit as {@code /api/v1}.
 */
public final class AddressRoutes {
    private final Ipam ipam;
    private final AllocationStore store;
    private final AllocationGrants grants;
    private final AllocationTiming timing;

    private AddressRoutes(Ipam ipam, AllocationStore store, AllocationGrants grants, AllocationTiming timing) {
        this.ipam = ipam;
        this.store = store;
        this.grants = grants;
        this.timing = timing;
    }

    public static void register(NetboxHttp http, Ipam ipam, AllocationStore store, AllocationGrants grants,
                                AllocationTiming timing) {
        AddressRoutes r = new AddressRoutes(ipam, store, grants, timing);
        String list = "/api/ipam/ip-addresses/";
        String one = list + "{id}/";
        http.add("GET", list, Permission.READ, r::list);
        http.add("POST", list, Permission.ALLOCATE, r::create);
        http.add("DELETE", list, Permission.ALLOCATE, r::bulkDelete);
        http.add("OPTIONS", list, Permission.READ, (ctx, p) ->
                ctx.json(Filters.options("IP Address List", AddressFields.STATUSES)));
        http.add("GET", one, Permission.READ, (ctx, p) -> {
            Catalog c = new Catalog(ipam);
            ctx.json(new NetboxViews(NetboxHttp.origin(ctx), c).address(r.live(Filters.id(ctx)), Listing.brief(ctx)));
        });
        http.add("PUT", one, Permission.ALLOCATE, r::update);
        http.add("PATCH", one, Permission.ALLOCATE, r::update);
        http.add("DELETE", one, Permission.ALLOCATE, (ctx, p) -> {
            Allocation a = r.live(Filters.id(ctx));
            grants.checkChange(p, a.id());
            ipam.allocator().release(p.actor(), a.id());
            ctx.status(204);
        });
        AvailableIps.register(http, ipam, store, grants, timing);
    }

    /** A live allocation, or 404 as NetBox answers for a deleted address. */
    Allocation live(long id) {
        try {
            Allocation a = ipam.allocator().get(id);
            if (a.state() != AllocationState.QUARANTINED) {
                return a;
            }
        } catch (NotFound e) {
            // answered below
        }
        throw NetboxError.detail(404, "No IPAddress matches the given query.");
    }

    private void list(Context ctx, Principal p) {
        Catalog c = new Catalog(ipam);
        Set<Long> ids = Filters.ids(ctx, "id");
        Set<Long> spaces = Filters.spaces(ctx, c);
        List<IpAddress> ips = new ArrayList<>();
        List<Integer> masks = new ArrayList<>();
        for (String raw : ctx.queryParams("address")) {
            String[] parts = raw.strip().split("/", 2);
            try {
                ips.add(IpAddress.parse(parts[0]));
                masks.add(parts.length == 2 ? Integer.parseInt(parts[1]) : null);
            } catch (MalformedAddress | NumberFormatException e) {
                throw NetboxError.field("address", "Enter a valid IPv4 or IPv6 address, not '" + raw + "'.");
            }
        }
        List<Prefix> parents = new ArrayList<>();
        for (String raw : ctx.queryParams("parent")) {
            try {
                parents.add(Prefix.parse(raw.strip()));
            } catch (MalformedPrefix e) {
                throw NetboxError.field("parent", "'" + raw + "' is not a valid prefix: " + e.getMessage());
            }
        }
        List<Allocation> out = new ArrayList<>();
        for (Subnet n : ids == null ? c.subnets() : subnetsOf(ids, c)) {
            if (n.container() || spaces != null && !spaces.contains(n.spaceId())
                    || !parents.isEmpty() && parents.stream().noneMatch(x -> x.overlaps(n.prefix()))
                    || !ips.isEmpty() && ips.stream().noneMatch(n.prefix()::contains)) {
                continue;
            }
            for (Allocation a : ipam.allocator().list(n.id())) {
                if (a.state() == AllocationState.QUARANTINED || ids != null && !ids.contains(a.id())
                        || !parents.isEmpty() && parents.stream().noneMatch(x -> x.contains(a.address()))
                        || !ips.isEmpty() && !matchesAddress(a, n, ips, masks)) {
                    continue;
                }
                out.add(a);
            }
        }
        NetboxViews v = new NetboxViews(NetboxHttp.origin(ctx), c);
        boolean brief = Listing.brief(ctx);
        ctx.json(Listing.page(ctx, out, a -> v.address(a, brief)));
    }

    /** With {@code id=} given, only the subnets of those allocations need reading (unknown ids match nothing). */
    private List<Subnet> subnetsOf(Set<Long> ids, Catalog c) {
        Set<Long> wanted = new java.util.HashSet<>();
        for (long id : ids) {
            try {
                wanted.add(ipam.allocator().get(id).subnetId());
            } catch (NotFound e) {
                // filtered out, as NetBox filters unknown ids
            }
        }
        return c.subnets().stream().filter(n -> wanted.contains(n.id())).toList();
    }

    /** {@code address=} with a mask matches that exact address and mask; without one, any mask. */
    private static boolean matchesAddress(Allocation a, Subnet n, List<IpAddress> ips, List<Integer> masks) {
        for (int i = 0; i < ips.size(); i++) {
            if (ips.get(i).equals(a.address()) && (masks.get(i) == null || masks.get(i) == n.prefix().length())) {
                return true;
            }
        }
        return false;
    }

    private void create(Context ctx, Principal p) throws Exception {
        JsonNode body = NetboxHttp.body(ctx);
        if (body.isArray()) {
            throw NetboxError.detail(400, "ipkeeper does not create a list of specific addresses in one request;"
                    + " POST them one by one, or POST a list to …/prefixes/{id}/available-ips/ for the next free ones.");
        }
        Catalog c = new Catalog(ipam);
        AddressFields f = AddressFields.parse(body, c);
        if (f.address() == null) {
            throw NetboxError.field("address", "This field is required.");
        }
        long spaceId = f.spaceId() != null ? f.spaceId() : defaultSpace(c);
        Subnet n = c.leafContaining(spaceId, f.address()).orElseThrow(() -> NetboxError.field("address",
                "No prefix in " + c.space(spaceId).name() + " holds " + f.address()
                        + "; create the subnet in ipkeeper first."));
        checkMask(f.mask(), n, "address");
        AllocationRequest req = new AllocationRequest(n.id(), null, 1, f.address().toString(),
                "reserved".equals(f.status()), null, null, AddressFields.blankToNull(f.dnsName()), null, null,
                AddressFields.blankToNull(f.description()), Strategy.LOWEST, null);
        grants.checkAllocate(p, n.id(), null, null);
        List<Allocation> made = timing.time(() -> ipam.allocator().allocate(p.actor(), req));
        ctx.status(201).json(new NetboxViews(NetboxHttp.origin(ctx), c).address(made.getFirst(), false));
    }

    static long defaultSpace(Catalog c) {
        if (c.defaultSpace() == null) {
            throw NetboxError.detail(400, "ipkeeper has no address space yet; create one (named 'default') first.");
        }
        return c.defaultSpace().id();
    }

    /** ipkeeper gives every address its subnet's mask; a different one would silently not be what was asked. */
    static void checkMask(Integer mask, Subnet n, String field) {
        if (mask != null && mask != n.prefix().length()) {
            throw NetboxError.field(field, "The address lies in prefix " + n.prefix() + "; ipkeeper addresses carry"
                    + " their prefix's mask /" + n.prefix().length() + ", not /" + mask + ".");
        }
    }

    /** PUT and PATCH: dns_name and description change; address, VRF and status must stay what they are. */
    private void update(Context ctx, Principal p) throws Exception {
        Allocation a = live(Filters.id(ctx));
        Catalog c = new Catalog(ipam);
        AddressFields f = AddressFields.parse(NetboxHttp.body(ctx), c);
        Subnet n = c.subnet(a.subnetId()).orElseThrow();
        if (f.address() != null && !f.address().equals(a.address())) {
            throw NetboxError.field("address", "ipkeeper does not move an allocation to another address; delete it"
                    + " and create " + f.address() + " instead.");
        }
        checkMask(f.mask(), n, "address");
        if (f.spaceId() != null && f.spaceId() != a.spaceId()) {
            throw NetboxError.field("vrf", "ipkeeper does not move an allocation to another VRF (space); delete it"
                    + " and create it there instead.");
        }
        String current = a.state() == AllocationState.RESERVED ? "reserved" : "active";
        if (f.status() != null && !f.status().equals(current)) {
            throw NetboxError.field("status", "ipkeeper does not turn an " + current + " address into "
                    + f.status() + "; delete it and create it with status " + f.status() + ".");
        }
        grants.checkChange(p, a.id());
        boolean setDns = f.dnsName() != null && !equal(f.dnsName(), a.hostname());
        boolean setDesc = f.description() != null && !equal(f.description(), a.description());
        Allocation after = a;
        if (setDns || setDesc) {
            after = store.update(p.actor(), a.id(), null, new AllocationStore.Changes(setDns,
                    AddressFields.blankToNull(f.dnsName()), false, null, setDesc,
                    AddressFields.blankToNull(f.description()), false, null));
        }
        ctx.json(new NetboxViews(NetboxHttp.origin(ctx), c).address(after, false));
    }

    private static boolean equal(String given, String stored) {
        return AddressFields.blankToNull(given) == null ? stored == null : given.equals(stored);
    }

    /** {@code DELETE …/ip-addresses/} with {@code [{"id": n}, …]}: every id is checked before any is released. */
    private void bulkDelete(Context ctx, Principal p) throws Exception {
        JsonNode body = NetboxHttp.body(ctx);
        if (!body.isArray() || body.isEmpty()) {
            throw NetboxError.detail(400, "Bulk delete needs a list of objects, e.g. [{\"id\": 1}].");
        }
        List<Allocation> targets = new ArrayList<>();
        for (JsonNode item : body) {
            if (!item.path("id").canConvertToLong() || !item.path("id").isIntegralNumber()) {
                throw NetboxError.detail(400, "Every item needs a numeric \"id\": " + item);
            }
            Allocation a = live(item.path("id").asLong());
            grants.checkChange(p, a.id());
            targets.add(a);
        }
        for (Allocation a : targets.stream().distinct().sorted(Comparator.comparingLong(Allocation::id)).toList()) {
            ipam.allocator().release(p.actor(), a.id());
        }
        ctx.status(204);
    }
}
