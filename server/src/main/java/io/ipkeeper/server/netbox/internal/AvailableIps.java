package io.ipkeeper.server.netbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.api.AllocationGrants;
import io.ipkeeper.server.api.AllocationRoutes;
import io.ipkeeper.server.api.AllocationStore;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.metrics.AllocationTiming;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code …/prefixes/{id}/available-ips/} and {@code …/ip-ranges/{id}/available-ips/}. GET lists free addresses (a
 * bare array, {@code family} a plain int). POST allocates one address per item in one call to the allocator, so a
 * list is all-or-none and concurrent clients never get the same address (NetBox needs a global lock for that); an
 * object body answers an object, a list body a list, and too few free addresses is NetBox's exact 409.
 */
final class AvailableIps {
    private final Ipam ipam;
    private final AllocationStore store;
    private final AllocationGrants grants;
    private final AllocationTiming timing;

    private AvailableIps(Ipam ipam, AllocationStore store, AllocationGrants grants, AllocationTiming timing) {
        this.ipam = ipam;
        this.store = store;
        this.grants = grants;
        this.timing = timing;
    }

    static void register(NetboxHttp http, Ipam ipam, AllocationStore store, AllocationGrants grants,
                         AllocationTiming timing) {
        AvailableIps a = new AvailableIps(ipam, store, grants, timing);
        http.add("GET", "/api/ipam/prefixes/{id}/available-ips/", Permission.READ, (ctx, p) -> a.list(ctx, false));
        http.add("POST", "/api/ipam/prefixes/{id}/available-ips/", Permission.ALLOCATE, (ctx, p) -> a.allocate(ctx, p, false));
        http.add("GET", "/api/ipam/ip-ranges/{id}/available-ips/", Permission.READ, (ctx, p) -> a.list(ctx, true));
        http.add("POST", "/api/ipam/ip-ranges/{id}/available-ips/", Permission.ALLOCATE, (ctx, p) -> a.allocate(ctx, p, true));
    }

    /** The parent: a leaf subnet, or a range and its subnet. */
    private record Parent(Subnet subnet, IpRange range) {}

    private Parent parent(Context ctx, Catalog c, boolean range) {
        long id = Filters.id(ctx);
        if (range) {
            IpRange r = Filters.range(ipam, id);
            return new Parent(c.subnet(r.subnetId()).orElseThrow(), r);
        }
        Subnet n = c.subnet(id).orElseThrow(() -> NetboxError.detail(404, "No Prefix matches the given query."));
        if (n.container()) {
            // NetBox would list addresses of a container; ipkeeper allocates only in leaf subnets (its children)
            throw NetboxError.detail(400, "Prefix " + n.prefix() + " is a container in ipkeeper; allocate from one"
                    + " of its child prefixes.");
        }
        return new Parent(n, null);
    }

    private void list(Context ctx, boolean range) {
        Catalog c = new Catalog(ipam);
        Parent parent = parent(ctx, c, range);
        int limit = Math.min(Listing.limit(ctx), AllocationRoutes.MAX_COUNT);
        List<IpAddress> free = parent.range() == null ? ipam.allocator().available(parent.subnet().id(), null, limit)
                : ipam.allocator().availableInRange(parent.range().id(), null, limit);
        NetboxViews v = new NetboxViews(NetboxHttp.origin(ctx), c);
        ctx.json(free.stream().map(ip -> v.available(ip, parent.subnet())).toList());
    }

    private void allocate(Context ctx, Principal p, boolean range) throws Exception {
        Catalog c = new Catalog(ipam);
        Parent parent = parent(ctx, c, range);
        JsonNode body = NetboxHttp.body(ctx);
        boolean many = body.isArray();
        List<AddressFields> items = new ArrayList<>();
        for (JsonNode item : many ? body : List.of(body)) {
            // the server sets address and vrf from the parent (as NetBox does), so a client's are ignored
            AddressFields f = AddressFields.parse(withoutPlacement(item), c);
            if (f.prefixLength() != null) {
                AddressRoutes.checkMask(f.prefixLength(), parent.subnet(), "prefix_length");
            }
            items.add(f);
        }
        if (items.isEmpty()) {
            ctx.status(201).json(List.of());
            return;
        }
        if (items.size() > AllocationRoutes.MAX_COUNT) {
            throw NetboxError.detail(400, "At most " + AllocationRoutes.MAX_COUNT + " addresses per request;"
                    + " split the list (each request is all-or-none).");
        }
        String status = items.getFirst().status();
        if (items.stream().anyMatch(f -> !java.util.Objects.equals(f.status(), status))) {
            throw NetboxError.field("status", "All items of one request must have the same status in ipkeeper.");
        }
        AddressFields first = items.getFirst();
        boolean uniform = items.stream().allMatch(f -> java.util.Objects.equals(f.dnsName(), first.dnsName())
                && java.util.Objects.equals(f.description(), first.description()));
        Long subnetId = parent.range() == null ? parent.subnet().id() : null;
        Long rangeId = parent.range() == null ? null : parent.range().id();
        AllocationRequest req = new AllocationRequest(subnetId, rangeId, items.size(), null, "reserved".equals(status),
                null, null, uniform ? AddressFields.blankToNull(first.dnsName()) : null, null, null,
                uniform ? AddressFields.blankToNull(first.description()) : null, Strategy.LOWEST, null);
        grants.checkAllocate(p, subnetId, rangeId, null);
        List<Allocation> made = new ArrayList<>(timing.time(() -> ipam.allocator().allocate(p.actor(), req)));
        made.sort(Comparator.comparing(Allocation::address));
        if (!uniform) {
            // one allocation call keeps the list all-or-none; per-item names are set on the new rows afterwards
            for (int i = 0; i < made.size(); i++) {
                AddressFields f = items.get(i);
                made.set(i, store.update(p.actor(), made.get(i).id(), null, new AllocationStore.Changes(
                        f.dnsName() != null, AddressFields.blankToNull(f.dnsName()), false, null,
                        f.description() != null, AddressFields.blankToNull(f.description()), false, null)));
            }
        }
        NetboxViews v = new NetboxViews(NetboxHttp.origin(ctx), c);
        List<Map<String, Object>> views = made.stream().map(a -> v.address(a, false)).toList();
        ctx.status(201).json(many ? views : views.getFirst());
    }

    private static JsonNode withoutPlacement(JsonNode item) {
        if (item != null && item.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = item.deepCopy();
            copy.remove(List.of("address", "vrf"));
            return copy;
        }
        return item;
    }
}
