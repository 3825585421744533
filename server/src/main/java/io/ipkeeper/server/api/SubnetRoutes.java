package io.ipkeeper.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.MalformedPrefix;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetPatch;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import io.ipkeeper.server.auth.Permission;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /api/v1/subnets}: prefixes in a space, nested; containers hold child subnets, leaves hold addresses. */
public final class SubnetRoutes {
    private SubnetRoutes() {}

    /** Body of {@code POST /api/v1/subnets}; {@code space} is the space's id or name. */
    public record CreateSubnet(JsonNode space, String prefix, Boolean container, String gateway, Integer vlan,
                               List<String> dnsServers, String description, Integer utilizationThreshold) {}

    /** Body of {@code POST /api/v1/subnets/{id}/child-prefixes}. */
    public record ChildPrefix(Integer prefixLength, String gateway, Integer vlan, List<String> dnsServers,
                              String description, Integer utilizationThreshold) {}

    /** What {@code PATCH /api/v1/subnets/{id}} may change. */
    private static final Set<String> PATCHABLE = Set.of("gateway", "vlan", "dnsServers", "description",
            "utilizationThreshold");

    public static void register(ApiRoutes api, Ipam ipam) {
        api.get("/api/v1/subnets", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            Predicate<Subnet> filter = filter(ctx.queryParam("contains"), ctx.queryParam("q"));
            String spaceRef = ctx.queryParam("space");
            List<AddressSpace> spaces = spaceRef == null ? ipam.spaces().list() : List.of(Lookups.space(ipam, spaceRef));
            List<Map<String, Object>> all = new ArrayList<>();
            boolean withUtilization = flag(ctx, "utilization");
            for (AddressSpace s : spaces) {
                ipam.subnets().list(s.id()).stream().filter(filter).map(Views::subnet).forEach(all::add);
            }
            Map<String, Object> page = paging.page(ctx, all);
            if (withUtilization) {
                // Only for the page being returned: the web UI's subnet tree needs it without one request per subnet.
                for (Object o : (List<?>) page.get("results")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> view = (Map<String, Object>) o;
                    view.put("utilization", Views.utilization(ipam.subnets().utilization((Long) view.get("id"))));
                }
            }
            ctx.json(page);
        }).summary("subnets", "List subnets (in address order per space)")
                .query("space", "only this space (id or name)")
                .query("contains", "only subnets containing this address or prefix")
                .query("q", "substring of prefix or description")
                .query("utilization", "true: each subnet of the page carries its utilization").paged()
                .returns(200, "SubnetPage");

        api.post("/api/v1/subnets", Permission.MANAGE_IPAM, ctx -> {
            CreateSubnet b = Bodies.read(ctx, CreateSubnet.class);
            AddressSpace space = Lookups.space(ipam, b.space());
            if (b.prefix() == null) {
                throw ApiProblem.invalid("'prefix' is required, e.g. \"198.18.0.0/24\"");
            }
            SubnetSpec spec = new SubnetSpec(space.id(), b.prefix(), Boolean.TRUE.equals(b.container()), b.gateway(),
                    b.vlan(), b.dnsServers() == null ? List.of() : b.dnsServers(), b.description(), b.utilizationThreshold());
            Subnet s = ipam.subnets().create(ApiRoutes.principal(ctx).actor(), spec);
            ctx.status(201).header("Location", "/api/v1/subnets/" + s.id()).json(Views.subnet(s));
        }).summary("subnets", "Create a subnet (nests under the smallest subnet containing it)").body("CreateSubnet")
                .returns(201, "Subnet");

        api.get("/api/v1/subnets/{id}", Permission.READ, ctx -> {
            long id = Lookups.id(ctx, "id");
            Subnet subnet = ipam.subnets().get(id);
            Map<String, Object> view = Views.subnet(subnet);
            view.put("utilization", Views.utilization(ipam.subnets().utilization(id)));
            ctx.header("ETag", ETags.ofRecord(subnet)).json(view);
        }).summary("subnets", "Get a subnet with its utilization (with an ETag for If-Match)").returns(200, "Subnet");

        api.patch("/api/v1/subnets/{id}", Permission.MANAGE_IPAM, ctx -> {
            long id = Lookups.id(ctx, "id");
            MergePatch p = MergePatch.of(Bodies.tree(ctx), PATCHABLE);
            SubnetPatch patch = new SubnetPatch(p.text("gateway"), p.integer("vlan"), p.textList("dnsServers"),
                    p.text("description"), p.integer("utilizationThreshold"));
            String ifMatch = ctx.header("If-Match");
            Subnet s = ipam.subnets().update(ApiRoutes.principal(ctx).actor(), id, patch,
                    current -> ETags.require(ifMatch, current, "subnet " + id));
            ctx.header("ETag", ETags.ofRecord(s)).json(Views.subnet(s));
        }).summary("subnets", "Change gateway, VLAN, DNS servers, description or threshold (never the prefix;"
                        + " If-Match: 412 on a lost update)").body("SubnetPatch").header("If-Match").returns(200, "Subnet");

        api.delete("/api/v1/subnets/{id}", Permission.MANAGE_IPAM, ctx -> {
            ipam.subnets().delete(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.status(204);
        }).summary("subnets", "Delete a subnet without children, ranges or live allocations").returns(204, null);

        api.post("/api/v1/subnets/{id}/child-prefixes", Permission.MANAGE_IPAM, ctx -> {
            long id = Lookups.id(ctx, "id");
            ChildPrefix b = Bodies.read(ctx, ChildPrefix.class);
            if (b.prefixLength() == null) {
                throw ApiProblem.invalid("'prefixLength' is required, e.g. 26 for the next free /26");
            }
            SubnetSpec attrs = new SubnetSpec(0, null, false, b.gateway(), b.vlan(),
                    b.dnsServers() == null ? List.of() : b.dnsServers(), b.description(), b.utilizationThreshold());
            Subnet s = ipam.subnets().allocateChildPrefix(ApiRoutes.principal(ctx).actor(), id, b.prefixLength(), attrs);
            ctx.status(201).header("Location", "/api/v1/subnets/" + s.id()).json(Views.subnet(s));
        }).summary("subnets", "Allocate the next free child prefix of a container (an empty leaf becomes a container)")
                .body("ChildPrefix").returns(201, "Subnet");
    }

    private static Predicate<Subnet> filter(String contains, String q) {
        Predicate<Subnet> p = s -> true;
        if (contains != null && !contains.isBlank()) {
            String c = contains.strip();
            try {
                if (c.contains("/")) {
                    Prefix inner = Prefix.parse(c);
                    p = p.and(s -> s.prefix().version() == inner.version() && s.prefix().contains(inner));
                } else {
                    IpAddress a = IpAddress.parse(c);
                    p = p.and(s -> s.prefix().version() == a.version() && s.prefix().contains(a));
                }
            } catch (MalformedAddress | MalformedPrefix e) {
                throw ApiProblem.badRequest("query parameter 'contains' must be an address or prefix: " + e.getMessage());
            }
        }
        if (q != null && !q.isBlank()) {
            p = p.and(s -> SpaceRoutes.contains(s.prefix().toString(), q) || SpaceRoutes.contains(s.description(), q));
        }
        return p;
    }

    /** A boolean query parameter: absent or "false" is false, "true" is true, anything else is 400. */
    static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank() || v.strip().equals("false")) {
            return false;
        }
        if (v.strip().equals("true")) {
            return true;
        }
        throw ApiProblem.badRequest("query parameter '" + name + "' must be true or false, not '" + v + "'");
    }
}
