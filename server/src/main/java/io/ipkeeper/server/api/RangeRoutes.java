package io.ipkeeper.server.api;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePatch;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.server.auth.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranges of a leaf subnet: {@code /api/v1/subnets/{id}/ranges} and {@code /api/v1/ranges/{id}}. A range with an
 * {@code owner} is delegated: only requests for that owner allocate from it (a BOSH director's block).
 */
public final class RangeRoutes {
    private RangeRoutes() {}

    /** Body of {@code POST /api/v1/subnets/{id}/ranges}. */
    public record CreateRange(String start, String end, String purpose, String owner, String description) {}

    /** What {@code PATCH /api/v1/ranges/{id}} may change. */
    private static final Set<String> PATCHABLE = Set.of("start", "end", "purpose", "owner", "description");

    public static void register(ApiRoutes api, Ipam ipam) {
        api.get("/api/v1/subnets/{id}/ranges", Permission.READ, ctx -> {
            long subnet = Lookups.id(ctx, "id");
            ipam.subnets().get(subnet);
            Paging paging = Paging.of(ctx);
            List<Map<String, Object>> all = ipam.ranges().list(subnet).stream().map(Views::range).toList();
            ctx.json(paging.page(ctx, all));
        }).summary("ranges", "List the ranges of a subnet (in address order)").paged().returns(200, "RangePage");

        api.post("/api/v1/subnets/{id}/ranges", Permission.MANAGE_IPAM, ctx -> {
            long subnet = Lookups.id(ctx, "id");
            CreateRange b = Bodies.read(ctx, CreateRange.class);
            if (b.start() == null || b.end() == null) {
                throw ApiProblem.invalid("'start' and 'end' are required, e.g. \"198.18.0.16\" and \"198.18.0.31\"");
            }
            RangeSpec spec = new RangeSpec(subnet, b.start(), b.end(), purpose(b.purpose()), blankToNull(b.owner()),
                    b.description());
            IpRange r = ipam.ranges().create(ApiRoutes.principal(ctx).actor(), spec);
            ctx.status(201).header("Location", "/api/v1/ranges/" + r.id()).json(Views.range(r));
        }).summary("ranges", "Create a range in a leaf subnet (on free addresses); with owner, delegate it")
                .body("CreateRange").returns(201, "Range");

        api.get("/api/v1/ranges/{id}", Permission.READ, ctx -> {
            long id = Lookups.id(ctx, "id");
            IpRange range = ipam.ranges().get(id);
            Map<String, Object> view = Views.range(range);
            view.put("utilization", Views.utilization(ipam.ranges().utilization(id)));
            ctx.header("ETag", ETags.ofRecord(range)).json(view);
        }).summary("ranges", "Get a range with its utilization (with an ETag for If-Match)").returns(200, "Range");

        api.patch("/api/v1/ranges/{id}", Permission.MANAGE_IPAM, ctx -> {
            long id = Lookups.id(ctx, "id");
            MergePatch p = MergePatch.of(Bodies.tree(ctx), PATCHABLE);
            String purpose = p.requiredText("purpose");
            RangePatch patch = new RangePatch(p.requiredText("start"), p.requiredText("end"),
                    purpose == null ? null : purpose(purpose), p.text("owner"), p.text("description"));
            String ifMatch = ctx.header("If-Match");
            IpRange r = ipam.ranges().update(ApiRoutes.principal(ctx).actor(), id, patch,
                    current -> ETags.require(ifMatch, current, "range " + id));
            ctx.header("ETag", ETags.ofRecord(r)).json(Views.range(r));
        }).summary("ranges", "Move a range (start and end together), change its purpose, owner or description"
                        + " (If-Match: 412 on a lost update)").body("RangePatch").header("If-Match").returns(200, "Range");

        api.delete("/api/v1/ranges/{id}", Permission.MANAGE_IPAM, ctx -> {
            ipam.ranges().delete(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.status(204);
        }).summary("ranges", "Delete a range without live allocations").returns(204, null);
    }

    private static RangePurpose purpose(String p) {
        String all = Arrays.stream(RangePurpose.values()).map(RangePurpose::label).collect(Collectors.joining(", "));
        if (p == null) {
            throw ApiProblem.invalid("'purpose' is required: one of " + all);
        }
        return Arrays.stream(RangePurpose.values()).filter(x -> x.label().equals(p.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> ApiProblem.invalid("'purpose' must be one of " + all + ", not '" + p + "'"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
