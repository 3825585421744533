package io.ipkeeper.server.conflicts;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.server.api.ApiProblem;
import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.api.Lookups;
import io.ipkeeper.server.api.Paging;
import io.ipkeeper.server.auth.Permission;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/conflicts}: addresses where what hosts do disagrees with ipkeeper's records (reported by the host
 * agents), newest first; NetOps acknowledge them.
 */
public final class ConflictRoutes {
    private ConflictRoutes() {}

    public static void register(ApiRoutes api, Ipam ipam, ConflictStore store) {
        api.get("/api/v1/conflicts", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            String space = ctx.queryParam("space");
            ConflictStore.Filter f = new ConflictStore.Filter(
                    choice(ctx, "state", ConflictState.values(), ConflictState::label, ConflictState::of),
                    choice(ctx, "kind", ConflictKind.values(), ConflictKind::label, ConflictKind::of),
                    space == null || space.isBlank() ? null : Lookups.space(ipam, space).id());
            ConflictStore.Page page = store.list(f, paging.limit(), paging.offset());
            ctx.json(paging.page(ctx, page.count(), page.results().stream().map(ConflictRoutes::view).toList()));
        }).summary("conflicts", "Conflicts reported by the host agents, newest first (empty until agents report)")
                .query("state", "open, acknowledged or resolved")
                .query("kind", "duplicate, unallocated_in_use, mac_mismatch or stale")
                .query("space", "space id or name").paged().returns(200, "ConflictPage");

        api.get("/api/v1/conflicts/{id}", Permission.READ, ctx ->
                ctx.json(view(store.get(Lookups.id(ctx, "id")))))
                .summary("conflicts", "Get a conflict").returns(200, "Conflict");

        api.post("/api/v1/conflicts/{id}/acknowledge", Permission.MANAGE_IPAM, ctx -> {
            long id = Lookups.id(ctx, "id");
            try {
                ctx.json(view(store.acknowledge(ApiRoutes.principal(ctx).actor(), id)));
            } catch (ConflictResolvedException e) {
                throw ApiProblem.of(409, "conflict-resolved", "Conflict resolved", e.getMessage(), Map.of());
            }
        }).summary("conflicts", "Acknowledge an open conflict (again: no change; a resolved one: 409)")
                .returns(200, "Conflict");
    }

    private static <E> E choice(Context ctx, String param, E[] all, Function<E, String> label,
                                Function<String, Optional<E>> parse) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return null;
        }
        return parse.apply(v.strip()).orElseThrow(() -> ApiProblem.badRequest("query parameter '" + param
                + "' must be one of " + Arrays.stream(all).map(label).collect(Collectors.joining(", ")) + ", not '"
                + v + "'"));
    }

    static Map<String, Object> view(Conflict c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("space", c.spaceId());
        m.put("address", c.address().toString());
        m.put("kind", c.kind().label());
        m.put("macs", c.macs());
        m.put("firstSeen", c.firstSeen().toString());
        m.put("lastSeen", c.lastSeen().toString());
        m.put("state", c.state().label());
        m.put("acknowledgedBy", c.acknowledgedBy());
        m.put("acknowledgedAt", c.acknowledgedAt() == null ? null : c.acknowledgedAt().toString());
        return m;
    }
}
