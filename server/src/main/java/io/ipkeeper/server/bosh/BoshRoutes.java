package io.ipkeeper.server.bosh;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.server.api.AllocationGrants;
import io.ipkeeper.server.api.ApiProblem;
import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.api.Bodies;
import io.ipkeeper.server.api.Lookups;
import io.ipkeeper.server.auth.Permission;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/subnets/{id}/bosh?owner=NAME}: a director's cloud-config subnet entry (YAML, or JSON on
 * {@code Accept: application/json}); {@code POST /api/v1/subnets/{id}/bosh/import?owner=NAME}: record what the
 * director already uses, from {@code bosh instances --details --json}.
 */
public final class BoshRoutes {
    static final String YAML = "application/yaml";

    private BoshRoutes() {}

    public static void register(ApiRoutes api, Ipam ipam, AllocationGrants grants) {
        api.get("/api/v1/subnets/{id}/bosh", Permission.READ, ctx -> {
            Subnet s = leaf(ipam, ctx);
            String owner = owner(ctx);
            CloudConfigSubnet entry;
            try {
                entry = CloudConfigSubnet.of(s, ipam.ranges().list(s.id()), ipam.allocator().list(s.id()), owner);
            } catch (IllegalArgumentException e) {
                throw noBlock(s, e);
            }
            if (wantsJson(ctx)) {
                ctx.json(entry.toMap());
            } else {
                ctx.contentType(YAML + "; charset=utf-8").result(Yaml.write(List.of(
                        "BOSH cloud-config networks[].subnets[] entry for director '" + owner + "' in subnet "
                                + s.prefix() + " (subnet id " + s.id() + "), rendered by ipkeeper.",
                        "The director may assign range minus reserved; static lists its static_ips.",
                        "Add azs (and cloud_properties) for your IaaS; re-render after delegations change."),
                        entry.toMap()));
            }
        }).summary("bosh", "A BOSH director's cloud-config subnet entry: its block as static/dynamic space, everything"
                        + " else of the subnet as reserved address ranges (YAML; JSON with Accept: application/json)")
                .query("owner", "the director: the owner its block (range) is delegated to (required)")
                .returns(200, "BoshSubnet");

        api.post("/api/v1/subnets/{id}/bosh/import", Permission.ALLOCATE, ctx -> {
            // An import allocates as the director: the same space and owner grants as allocating by hand.
            String ownerParam = ctx.queryParam("owner");
            grants.checkAllocate(ApiRoutes.principal(ctx), Lookups.id(ctx, "id"), null,
                    ownerParam == null || ownerParam.isBlank() ? null : ownerParam.strip());
            Subnet s = leaf(ipam, ctx);
            String owner = owner(ctx);
            JsonNode body = Bodies.tree(ctx);
            List<BoshInstance> instances;
            try {
                instances = BoshInstancesJson.parse(body);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid(e.getMessage());
            }
            ImportResult result;
            try {
                result = BoshImport.run(ipam, ApiRoutes.principal(ctx).actor(), s, owner, instances);
            } catch (IllegalArgumentException e) {
                throw noBlock(s, e);
            }
            ctx.json(result);
        }).summary("bosh", "Record the IPs a director already uses (body: output of 'bosh instances --details --json')"
                        + " as allocations owned by it; conflicts are reported, never overwritten; idempotent")
                .query("owner", "the director (required)").body("BoshInstances").returns(200, "BoshImport");
    }

    private static Subnet leaf(Ipam ipam, Context ctx) {
        Subnet s = ipam.subnets().get(Lookups.id(ctx, "id"));
        if (s.container()) {
            throw ApiProblem.invalid("subnet " + s.prefix() + " is a container; BOSH networks use a leaf subnet (one"
                    + " of its children)");
        }
        return s;
    }

    private static String owner(Context ctx) {
        String owner = ctx.queryParam("owner");
        if (owner == null || owner.isBlank()) {
            throw ApiProblem.invalid("'owner' is required: the director's name, as the owner of the range delegated"
                    + " to it (e.g. ?owner=bosh-a)");
        }
        return owner.strip();
    }

    private static ApiProblem noBlock(Subnet s, IllegalArgumentException e) {
        return ApiProblem.invalid(e.getMessage() + "; delegate a block first: POST /api/v1/subnets/" + s.id()
                + "/ranges {\"start\":…,\"end\":…,\"purpose\":\"static\",\"owner\":…}");
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains(YAML);
    }
}
