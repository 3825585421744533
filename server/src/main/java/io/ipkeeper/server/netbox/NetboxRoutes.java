package io.ipkeeper.server.netbox;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.server.api.AllocationGrants;
import io.ipkeeper.server.api.AllocationStore;
import io.ipkeeper.server.metrics.AllocationTiming;
import io.ipkeeper.server.netbox.internal.AddressRoutes;
import io.ipkeeper.server.netbox.internal.NetboxAuth;
import io.ipkeeper.server.netbox.internal.NetboxHttp;
import io.ipkeeper.server.netbox.internal.ReadRoutes;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * The NetBox-compatible adapter under {@code /api/} (beside ipkeeper's own {@code /api/v1}), so pynetbox, Ansible's
 * netbox.netbox and terraform-provider-netbox allocate from ipkeeper by changing one URL. Space = VRF (the default
 * space is the global table), subnet = prefix, range = IP range, allocation = IP address. Allocation goes through the
 * same engine, grants and audit as {@code /api/v1}. What is and is not covered: docs/netbox-compat.md.
 */
public final class NetboxRoutes {
    private NetboxRoutes() {}

    /** Registers the routes and returns them (with their permissions) for tests and docs. */
    public static List<NetboxRoute> register(RoutesConfig routes, NetboxAuth auth, Ipam ipam, AllocationStore store,
                                             AllocationGrants grants, AllocationTiming timing) {
        // NetBox sends its API version on every API response; clients read it from GET /api/
        routes.before("/api/*", ctx -> {
            if (!ctx.path().startsWith("/api/v1")) {
                ctx.header("API-Version", ReadRoutes.API_VERSION);
            }
        });
        NetboxHttp http = new NetboxHttp(routes, auth);
        ReadRoutes.register(http, ipam);
        AddressRoutes.register(http, ipam, store, grants, timing);
        return http.docs();
    }
}
