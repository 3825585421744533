package io.ipkeeper.server.api;

import io.ipkeeper.ipam.RequestId;
import io.ipkeeper.server.auth.AuthenticationFailed;
import io.ipkeeper.server.auth.Authenticator;
import io.ipkeeper.server.auth.CsrfRejected;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registers API routes with the permission each needs, and keeps the list: the OpenAPI document and the role matrix
 * test are built from it, so no route can be added without both. Authentication runs before the handler: no or a bad
 * credential is 401, a role without the permission is 403.
 */
public final class ApiRoutes {
    private static final String PRINCIPAL = "ipkeeper.principal";

    private final RoutesConfig routes;
    private final Authenticator authenticator;
    private final List<RouteDoc> docs = new ArrayList<>();

    public ApiRoutes(RoutesConfig routes, Authenticator authenticator) {
        this.routes = routes;
        this.authenticator = authenticator;
    }

    public RouteDoc get(String path, Permission p, Handler h) {
        return add("GET", path, p, h);
    }

    public RouteDoc post(String path, Permission p, Handler h) {
        return add("POST", path, p, h);
    }

    public RouteDoc patch(String path, Permission p, Handler h) {
        return add("PATCH", path, p, h);
    }

    public RouteDoc delete(String path, Permission p, Handler h) {
        return add("DELETE", path, p, h);
    }

    /** A route anyone may call (no credential needed), whose handler is registered elsewhere. */
    public RouteDoc open(String method, String path) {
        RouteDoc d = new RouteDoc(method, path, null);
        docs.add(d);
        return d;
    }

    /** A route anyone may call (no credential needed), e.g. the login. */
    public RouteDoc open(String method, String path, Handler handler) {
        RouteDoc d = open(method, path);
        register(method, path, handler);
        return d;
    }

    private RouteDoc add(String method, String path, Permission permission, Handler handler) {
        RouteDoc d = new RouteDoc(method, path, permission);
        docs.add(d);
        Handler guarded = ctx -> {
            ctx.attribute(PRINCIPAL, authorize(ctx, permission));
            // every audit event the handler causes carries this request's id
            ScopedValue.where(RequestId.CURRENT, RequestIds.of(ctx)).call(() -> {
                handler.handle(ctx);
                return null;
            });
        };
        register(method, path, guarded);
        return d;
    }

    private void register(String method, String path, Handler handler) {
        switch (method) {
            case "GET" -> routes.get(path, handler);
            case "POST" -> routes.post(path, handler);
            case "PATCH" -> routes.patch(path, handler);
            case "DELETE" -> routes.delete(path, handler);
            default -> throw new IllegalArgumentException(method);
        }
    }

    private Principal authorize(Context ctx, Permission permission) {
        Principal p;
        try {
            p = authenticator.authenticate(ctx).orElseThrow(() -> new AuthenticationFailed(
                    "this request needs an API token: send 'Authorization: Bearer <token>', or log in for a session"
                            + " (docs/api.md, Authentication)"));
        } catch (AuthenticationFailed e) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ipkeeper\"");
            throw ApiProblem.of(401, "unauthorized", "Unauthorized", e.getMessage(), Map.of());
        } catch (CsrfRejected e) {
            throw ApiProblem.of(403, "csrf", "CSRF token missing or wrong", e.getMessage(), Map.of());
        }
        if (!p.may(permission)) {
            String roles = Arrays.stream(Role.values()).filter(r -> r.may(permission)).map(Role::label)
                    .collect(Collectors.joining(" or "));
            throw ApiProblem.of(403, "forbidden", "Forbidden", "'" + p.name() + "' has role " + p.role().label()
                    + ", which may not " + describe(permission) + "; that needs role " + roles, Map.of());
        }
        return p;
    }

    private static String describe(Permission p) {
        return switch (p) {
            case READ -> "read IPAM data";
            case ALLOCATE -> "allocate, change or release addresses";
            case MANAGE_IPAM -> "create or delete spaces, subnets and ranges";
            case MANAGE_TOKENS -> "manage API tokens";
            case MANAGE_WEBHOOKS -> "manage webhook subscriptions";
            case REPORT -> "report host inventory and observations";
            case READ_METRICS -> "read metrics";
            case MANAGE_USERS -> "manage users";
            case MANAGE_GRANTS -> "manage grants";
            case SELF -> "manage its own session, password and tokens";
        };
    }

    /** The authenticated principal of this request (set before every guarded handler runs). */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("no principal: route registered without ApiRoutes");
        }
        return p;
    }

    public List<RouteDoc> docs() {
        return List.copyOf(docs);
    }
}
