package io.ipkeeper.server.api;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.SpacePatch;
import io.ipkeeper.server.agents.SpaceProbeSettings;
import io.ipkeeper.server.auth.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/spaces}: address spaces (the uniqueness boundary, like a VRF). */
public final class SpaceRoutes {
    private SpaceRoutes() {}

    /** Body of {@code POST /api/v1/spaces}; {@code probeBeforeAllocate} absent means on. */
    public record CreateSpace(String name, String description, Boolean probeBeforeAllocate) {}

    private static final String PROBE = "probeBeforeAllocate";

    /** What {@code PATCH /api/v1/spaces/{space}} may change. */
    private static final Set<String> PATCHABLE = Set.of("name", "description", PROBE);

    /** What a space's ETag covers: the IPAM record and the server's probe switch, so If-Match guards both. */
    private record SpaceState(AddressSpace space, boolean probeBeforeAllocate) {}

    public static void register(ApiRoutes api, Ipam ipam, SpaceProbeSettings probes) {
        api.get("/api/v1/spaces", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            String q = ctx.queryParam("q");
            Set<Long> off = probes.disabled();
            List<Map<String, Object>> all = ipam.spaces().list().stream()
                    .filter(s -> q == null || contains(s.name(), q) || contains(s.description(), q))
                    .map(x -> view(x, !off.contains(x.id()))).toList();
            ctx.json(paging.page(ctx, all));
        }).summary("spaces", "List address spaces").query("q", "substring of name or description").paged()
                .returns(200, "SpacePage");

        api.post("/api/v1/spaces", Permission.MANAGE_IPAM, ctx -> {
            CreateSpace body = Bodies.read(ctx, CreateSpace.class);
            String actor = ApiRoutes.principal(ctx).actor();
            AddressSpace s = ipam.spaces().create(actor, body.name(), body.description());
            if (Boolean.FALSE.equals(body.probeBeforeAllocate())) {
                probes.set(actor, s.id(), false, before -> {});
            }
            ctx.status(201).header("Location", "/api/v1/spaces/" + s.id()).json(view(s, probes));
        }).summary("spaces", "Create an address space").body("CreateSpace").returns(201, "Space");

        api.get("/api/v1/spaces/{space}", Permission.READ, ctx -> {
            AddressSpace s = byPath(ipam, ctx.pathParam("space"));
            ctx.header("ETag", etag(s, probes)).json(view(s, probes));
        }).summary("spaces", "Get an address space by id or name (with an ETag for If-Match)").returns(200, "Space");

        api.patch("/api/v1/spaces/{space}", Permission.MANAGE_IPAM, ctx -> {
            AddressSpace current = byPath(ipam, ctx.pathParam("space"));
            MergePatch p = MergePatch.of(Bodies.tree(ctx), PATCHABLE);
            SpacePatch patch = new SpacePatch(p.requiredText("name"), p.text("description"));
            Boolean probe = p.bool(PROBE); // read before anything changes: a bad value changes nothing
            String ifMatch = ctx.header("If-Match");
            String actor = ApiRoutes.principal(ctx).actor();
            String what = "address space " + current.id();
            boolean checked = false;
            if (patch.name() != null || patch.description() != null) {
                boolean probeNow = probes.enabled(current.id());
                ipam.spaces().update(actor, current.id(), patch,
                        locked -> ETags.require(ifMatch, new SpaceState(locked, probeNow), what));
                checked = true;
            }
            if (probe != null) {
                boolean skip = checked;
                probes.set(actor, current.id(), probe, before -> {
                    if (!skip) {
                        ETags.require(ifMatch, new SpaceState(ipam.spaces().get(current.id()), before), what);
                    }
                });
            }
            AddressSpace s = ipam.spaces().get(current.id());
            ctx.header("ETag", etag(s, probes)).json(view(s, probes));
        }).summary("spaces", "Rename an address space, change its description or switch probe before allocate"
                        + " (If-Match: 412 on a lost update)")
                .body("SpacePatch").header("If-Match").returns(200, "Space");

        api.delete("/api/v1/spaces/{space}", Permission.MANAGE_IPAM, ctx -> {
            AddressSpace s = byPath(ipam, ctx.pathParam("space"));
            ipam.spaces().delete(ApiRoutes.principal(ctx).actor(), s.id());
            ctx.status(204);
        }).summary("spaces", "Delete an address space that holds no subnets (409 otherwise)").returns(204, null);
    }

    private static Map<String, Object> view(AddressSpace s, SpaceProbeSettings probes) {
        return view(s, probes.enabled(s.id()));
    }

    private static Map<String, Object> view(AddressSpace s, boolean probeBeforeAllocate) {
        Map<String, Object> m = Views.space(s);
        m.put(PROBE, probeBeforeAllocate);
        return m;
    }

    private static String etag(AddressSpace s, SpaceProbeSettings probes) {
        return ETags.ofRecord(new SpaceState(s, probes.enabled(s.id())));
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
