package io.ipkeeper.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.metrics.AllocationTiming;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Addresses: allocate from a subnet or a range (all or none; 201, or 409 with {@code requested} and {@code available}),
 * search, read with an ETag, PATCH with {@code If-Match}, release into quarantine.
 */
public final class AllocationRoutes {
    /** Largest {@code count} of one request (issue 7); larger batches are split by the client. */
    public static final int MAX_COUNT = 1024;
    private static final Set<String> PATCHABLE = Set.of("hostname", "mac", "description", "expiresAt");

    private AllocationRoutes() {}

    /** Body of {@code POST …/allocations}; every field is optional ({@code {}} allocates the next free address). */
    public record AllocateBody(Integer count, String address, String strategy, String hostname, String mac,
                               String owner, String purpose, String description, String expiresIn,
                               String idempotencyKey) {
        static final AllocateBody EMPTY = new AllocateBody(null, null, null, null, null, null, null, null, null, null);
    }

    public static void register(ApiRoutes api, Ipam ipam, AllocationStore store, AllocationTiming timing,
                                AllocationGrants grants, AllocationNotes notes) {
        api.post("/api/v1/subnets/{id}/allocations", Permission.ALLOCATE, ctx ->
                        allocate(ctx, ipam, store, timing, grants, notes, AllocationRequest.nextFree(Lookups.id(ctx, "id"))))
                .summary("allocations", "Allocate addresses in a leaf subnet (next free, N at once, or one specific)")
                .body("AllocateBody").header("Idempotency-Key").returns(201, "AllocationList");

        api.post("/api/v1/ranges/{id}/allocations", Permission.ALLOCATE, ctx ->
                        allocate(ctx, ipam, store, timing, grants, notes,
                                AllocationRequest.nextFreeInRange(Lookups.id(ctx, "id"))))
                .summary("allocations", "Allocate addresses inside one range (a delegated range needs its owner)")
                .body("AllocateBody").header("Idempotency-Key").returns(201, "AllocationList");

        api.get("/api/v1/allocations", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            AllocationStore.Filter f = new AllocationStore.Filter(spaceFilter(ctx, ipam), optionalId(ctx, "subnet"),
                    optionalId(ctx, "range"), blank(ctx.queryParam("address")), blank(ctx.queryParam("hostname")),
                    blank(ctx.queryParam("mac")), blank(ctx.queryParam("owner")), blank(ctx.queryParam("state")));
            AllocationStore.Page page = store.search(f, paging.limit(), paging.offset());
            ctx.json(paging.page(ctx, page.count(), page.results().stream().map(Views::allocation).toList()));
        }).summary("allocations", "Search live allocations (allocated, reserved, quarantined)")
                .query("address", "exact IP address").query("hostname", "exact hostname (case-insensitive)")
                .query("mac", "exact MAC (case-insensitive)").query("owner", "exact owner")
                .query("space", "space id or name").query("subnet", "subnet id").query("range", "range id")
                .query("state", "allocated, reserved or quarantined").paged().returns(200, "AllocationPage");

        api.get("/api/v1/allocations/{id}", Permission.READ, ctx -> {
            Allocation a = ipam.allocator().get(Lookups.id(ctx, "id"));
            ctx.header("ETag", ETags.of(a)).json(Views.allocation(a));
        }).summary("allocations", "Get an allocation (with an ETag for If-Match)").returns(200, "Allocation");

        api.patch("/api/v1/allocations/{id}", Permission.ALLOCATE, ctx -> {
            long id = Lookups.id(ctx, "id");
            AllocationStore.Changes changes = changes(Bodies.tree(ctx));
            grants.checkChange(ApiRoutes.principal(ctx), id);
            Allocation a = store.update(ApiRoutes.principal(ctx).actor(), id, ctx.header("If-Match"), changes);
            ctx.header("ETag", ETags.of(a)).json(Views.allocation(a));
        }).summary("allocations", "Change hostname, MAC, description or a reservation's expiry (If-Match: 412 on a lost update)")
                .body("AllocationPatch").header("If-Match").returns(200, "Allocation");

        api.delete("/api/v1/allocations/{id}", Permission.ALLOCATE, ctx -> {
            grants.checkChange(ApiRoutes.principal(ctx), Lookups.id(ctx, "id"));
            Allocation a = ipam.allocator().release(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.header("ETag", ETags.of(a)).json(Views.allocation(a));
        }).summary("allocations", "Release an allocation into quarantine (a reservation is freed at once)")
                .returns(200, "Allocation");
    }

    private static void allocate(Context ctx, Ipam ipam, AllocationStore store, AllocationTiming timing,
                                 AllocationGrants grants, AllocationNotes notes, AllocationRequest base) throws Exception {
        AllocateBody b = Bodies.readOptional(ctx, AllocateBody.class, AllocateBody.EMPTY);
        int count = b.count() == null ? 1 : b.count();
        if (count < 1 || count > MAX_COUNT) {
            throw ApiProblem.invalid("'count' must be 1.." + MAX_COUNT + ", not " + count
                    + "; split larger requests (each is all-or-none)");
        }
        String key = idempotencyKey(ctx, b);
        AllocationRequest req = new AllocationRequest(base.subnetId(), base.rangeId(), count, RangeRoutes.blankToNull(b.address()),
                false, null, RangeRoutes.blankToNull(b.owner()), b.hostname(), b.mac(), b.purpose(), b.description(),
                strategy(b.strategy()), key);
        Duration ttl = expiresIn(b.expiresIn());
        if (ttl != null) {
            req = req.reserved(ttl);
        }
        if (b.hostname() != null && b.hostname().contains("{n}")
                && b.hostname().length() - 3 + String.valueOf(count).length() > 255) {
            throw ApiProblem.invalid("'hostname' is too long once {n} is replaced by " + count + "; keep it within 255");
        }
        grants.checkAllocate(ApiRoutes.principal(ctx), req.subnetId(), req.rangeId(), req.owner());
        String actor = ApiRoutes.principal(ctx).actor();
        AllocationRequest request = req;
        List<Allocation> made = timing.time(() -> ipam.allocator().allocate(actor, request));
        if (b.hostname() != null && b.hostname().contains("{n}")) {
            made = store.numberHostnames(actor, made, b.hostname());
        }
        if (made.size() == 1) {
            ctx.header("Location", "/api/v1/allocations/" + made.get(0).id());
        }
        Map<Long, Map<String, Object>> probes = notes.probes(made.stream().map(Allocation::id).toList());
        ctx.status(201).json(made.stream().map(a -> {
            Map<String, Object> view = Views.allocation(a);
            view.put("probe", probes.getOrDefault(a.id(), Map.of("ran", false)));
            return view;
        }).toList());
    }

    /** The header and the body field mean the same; if both are given they must agree. */
    private static String idempotencyKey(Context ctx, AllocateBody b) {
        String header = RangeRoutes.blankToNull(ctx.header("Idempotency-Key"));
        String field = RangeRoutes.blankToNull(b.idempotencyKey());
        if (header != null && field != null && !header.equals(field)) {
            throw ApiProblem.invalid("the Idempotency-Key header and the 'idempotencyKey' field differ; send one of them");
        }
        return header != null ? header : field;
    }

    private static Strategy strategy(String s) {
        if (s == null) {
            return Strategy.LOWEST;
        }
        try {
            return Strategy.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("'strategy' must be lowest or random, not '" + s + "'");
        }
    }

    private static Duration expiresIn(String s) {
        if (s == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(s.strip());
            if (d.isNegative() || d.isZero()) {
                throw ApiProblem.invalid("'expiresIn' must be positive, e.g. \"PT1H\" or \"P7D\"");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("'expiresIn' must be an ISO-8601 duration such as \"PT1H\" or \"P7D\", not '" + s + "'");
        }
    }

    private static AllocationStore.Changes changes(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!PATCHABLE.contains(f)) {
                throw ApiProblem.of(400, "unknown-field", "Unknown field", "the body has an unknown or unchangeable field '"
                        + f + "'; a PATCH may change " + String.join(", ", PATCHABLE.stream().sorted().toList()), Map.of());
            }
            JsonNode v = body.get(f);
            if (!v.isNull() && !v.isTextual()) {
                throw ApiProblem.badRequest("field '" + f + "' must be a string or null");
            }
        }
        if (body.isEmpty()) {
            throw ApiProblem.invalid("the PATCH body changes nothing; give at least one of "
                    + String.join(", ", PATCHABLE.stream().sorted().toList()));
        }
        Instant expiresAt = null;
        if (body.has("expiresAt") && !body.get("expiresAt").isNull()) {
            try {
                expiresAt = Instant.parse(body.get("expiresAt").asText().strip());
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid("'expiresAt' must be an ISO-8601 instant such as \"2030-01-01T00:00:00Z\"");
            }
        }
        return new AllocationStore.Changes(body.has("hostname"), text(body, "hostname"), body.has("mac"), text(body, "mac"),
                body.has("description"), text(body, "description"), body.has("expiresAt"), expiresAt);
    }

    private static String text(JsonNode body, String f) {
        JsonNode v = body.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long spaceFilter(Context ctx, Ipam ipam) {
        String s = blank(ctx.queryParam("space"));
        return s == null ? null : Lookups.space(ipam, s).id();
    }

    private static Long optionalId(Context ctx, String name) {
        String v = blank(ctx.queryParam(name));
        return v == null ? null : Paging.number(ctx, name, 0, 1, Long.MAX_VALUE);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
