package io.ipkeeper.server.api;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.server.auth.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/v1/spaces}: address spaces (the uniqueness boundary, like a VRF). */
public final class SpaceRoutes {
    private SpaceRoutes() {}

    /** Body of {@code POST /api/v1/spaces}. */
    public record CreateSpace(String name, String description) {}

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
            String ref = ctx.pathParam("space");
            AddressSpace s = ipam.spaces().list().stream()
                    .filter(x -> x.name().equals(ref) || String.valueOf(x.id()).equals(ref)).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("no address space has the id or name '" + ref + "'"));
            ctx.json(Views.space(s));
        }).summary("spaces", "Get an address space by id or name").returns(200, "Space");
    }

    static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }
}
