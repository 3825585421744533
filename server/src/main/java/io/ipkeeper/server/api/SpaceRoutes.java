package io.ipkeeper.server.api;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.SpacePatch;
import io.ipkeeper.server.auth.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/spaces}: address spaces (the uniqueness boundary, like a VRF). */
public final class SpaceRoutes {
    private SpaceRoutes() {}

    /** Body of {@code POST /api/v1/spaces}. */
    public record CreateSpace(String name, String description) {}

    /** What {@code PATCH /api/v1/spaces/{space}} may change. */
    private static final Set<String> PATCHABLE = Set.of("name", "description");

    public static void register(ApiRoutes api, Ipam ipam) {
        api.get("/api/v1/spaces", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            String q = ctx.queryParam("q");
            List<Map<String, Object>> all = ipam.spaces().list().stream()
                    .filter(s -> q == null || contains(s.name(), q) || contains(s.description(), q))
                    .map(Views::space).toList();
            ctx.json(paging.page(ctx, all));
        }).summary("spaces", "List address spaces").query("q", "substring of name or description").paged()
                .returns(200, "SpacePage");

        api.post("/api/v1/spaces", Permission.MANAGE_IPAM, ctx -> {
            CreateSpace body = Bodies.read(ctx, CreateSpace.class);
            AddressSpace s = ipam.spaces().create(ApiRoutes.principal(ctx).actor(), body.name(), body.description());
            ctx.status(201).header("Location", "/api/v1/spaces/" + s.id()).json(Views.space(s));
        }).summary("spaces", "Create an address space").body("CreateSpace").returns(201, "Space");

        api.get("/api/v1/spaces/{space}", Permission.READ, ctx -> {
            AddressSpace s = byPath(ipam, ctx.pathParam("space"));
            ctx.header("ETag", ETags.ofRecord(s)).json(Views.space(s));
        }).summary("spaces", "Get an address space by id or name (with an ETag for If-Match)").returns(200, "Space");

        api.patch("/api/v1/spaces/{space}", Permission.MANAGE_IPAM, ctx -> {
            AddressSpace current = byPath(ipam, ctx.pathParam("space"));
            MergePatch p = MergePatch.of(Bodies.tree(ctx), PATCHABLE);
            SpacePatch patch = new SpacePatch(p.requiredText("name"), p.text("description"));
            String ifMatch = ctx.header("If-Match");
            AddressSpace s = ipam.spaces().update(ApiRoutes.principal(ctx).actor(), current.id(), patch,
                    locked -> ETags.require(ifMatch, locked, "address space " + current.id()));
            ctx.header("ETag", ETags.ofRecord(s)).json(Views.space(s));
        }).summary("spaces", "Rename an address space or change its description (If-Match: 412 on a lost update)")
                .body("SpacePatch").header("If-Match").returns(200, "Space");

        api.delete("/api/v1/spaces/{space}", Permission.MANAGE_IPAM, ctx -> {
            AddressSpace s = byPath(ipam, ctx.pathParam("space"));
            ipam.spaces().delete(ApiRoutes.principal(ctx).actor(), s.id());
            ctx.status(204);
        }).summary("spaces", "Delete an address space that holds no subnets (409 otherwise)").returns(204, null);
    }

    /** The space a path names by id or name; 404 when there is none. */
    private static AddressSpace byPath(Ipam ipam, String ref) {
        return ipam.spaces().list().stream()
                .filter(x -> x.name().equals(ref) || String.valueOf(x.id()).equals(ref)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no address space has the id or name '" + ref + "'"));
    }

    static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }
}
