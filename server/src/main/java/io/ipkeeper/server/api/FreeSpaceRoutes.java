package io.ipkeeper.server.api;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.FreeExtent;
import io.ipkeeper.ipam.internal.FreeExtents;
import io.ipkeeper.ipam.internal.SubnetLayout;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import io.ipkeeper.server.auth.Permission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free space without allocating: {@code …/available} lists the next free addresses a request would get, {@code
 * /free} lists free extents (the gaps a UI shows inline).
 */
public final class FreeSpaceRoutes {
    private FreeSpaceRoutes() {}

    public static void register(ApiRoutes api, Ipam ipam, Database database) {
        api.get("/api/v1/subnets/{id}/available", Permission.READ, ctx -> {
            long id = Lookups.id(ctx, "id");
            int limit = (int) Paging.number(ctx, "limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
            ctx.json(addresses(ipam.allocator().available(id, RangeRoutes.blankToNull(ctx.queryParam("owner")), limit)));
        }).summary("allocations", "The next free addresses of a leaf subnet, in order, without allocating")
                .query("limit", "how many, 1..1000 (default 100)")
                .query("owner", "include ranges delegated to this owner").returns(200, "AddressList");

        api.get("/api/v1/ranges/{id}/available", Permission.READ, ctx -> {
            long id = Lookups.id(ctx, "id");
            int limit = (int) Paging.number(ctx, "limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
            ctx.json(addresses(ipam.allocator().availableInRange(id, RangeRoutes.blankToNull(ctx.queryParam("owner")), limit)));
        }).summary("allocations", "The next free addresses of a range, in order, without allocating")
                .query("limit", "how many, 1..1000 (default 100)")
                .query("owner", "the range's owner, if it is delegated").returns(200, "AddressList");

        api.get("/api/v1/subnets/{id}/free", Permission.READ, ctx -> {
            Subnet s = ipam.subnets().get(Lookups.id(ctx, "id"));
            Paging paging = Paging.of(ctx);
            ctx.json(paging.page(ctx, s.container() ? childGaps(ipam, s) : leafExtents(database, s)));
        }).summary("subnets", "Free extents: never-used addresses of a leaf (per range), or uncovered space of a container")
                .paged().returns(200, "FreeExtentPage");
    }

    private static Map<String, Object> addresses(List<IpAddress> list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", list.size());
        m.put("results", list.stream().map(IpAddress::toString).toList());
        return m;
    }

    /** The free-space index of a leaf: quarantined addresses, network, broadcast, gateway and reserved ranges excluded. */
    private static List<Map<String, Object>> leafExtents(Database database, Subnet s) {
        List<FreeExtent> extents = database.jdbi().withHandle(h -> FreeExtents.all(h, s.id()));
        return extents.stream().sorted(Comparator.comparing((FreeExtent e) -> e.range().start()))
                .map(e -> extent(e.range(), e.poolId() == SubnetLayout.NO_RANGE ? null : e.poolId())).toList();
    }

    /** The parts of a container no child subnet covers. */
    private static List<Map<String, Object>> childGaps(Ipam ipam, Subnet s) {
        List<Prefix> children = ipam.subnets().list(s.spaceId()).stream()
                .filter(c -> c.parentId() != null && c.parentId() == s.id()).map(Subnet::prefix)
                .sorted(Comparator.comparing(Prefix::first)).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        IpAddress cursor = s.prefix().first();
        for (Prefix c : children) {
            if (cursor != null && c.first().isAfter(cursor)) {
                out.add(extent(new AddressRange(cursor, c.first().previous()), null));
            }
            cursor = c.last().isMax() ? null : c.last().next();
        }
        if (cursor != null && !cursor.isAfter(s.prefix().last())) {
            out.add(extent(new AddressRange(cursor, s.prefix().last()), null));
        }
        return out;
    }

    private static Map<String, Object> extent(AddressRange r, Long range) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", r.start().toString());
        m.put("end", r.end().toString());
        m.put("size", Views.count(r.size()));
        m.put("range", range);
        return m;
    }
}
