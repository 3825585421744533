package io.ipkeeper.server.netbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.RequestId;
import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.IpamException;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OwnerNotPermitted;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.error.VettingFailed;
import io.ipkeeper.server.api.ApiProblem;
import io.ipkeeper.server.api.Json;
import io.ipkeeper.server.api.RequestIds;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.Role;
import io.ipkeeper.server.netbox.NetboxRoute;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registers the adapter's routes: authentication and permission first (403 with a {@code detail}, as NetBox), then
 * the handler; every failure, ours or the ipam engine's, is answered in NetBox's error shape rather than as a problem
 * document, because NetBox clients read {@code detail} and field lists.
 */
public final class NetboxHttp {
    private final RoutesConfig routes;
    private final NetboxAuth auth;
    private final List<NetboxRoute> docs = new ArrayList<>();

    /** A handler that knows who is asking. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, Principal principal) throws Exception;
    }

    public NetboxHttp(RoutesConfig routes, NetboxAuth auth) {
        this.routes = routes;
        this.auth = auth;
    }

    /** A route anyone may call. */
    public void open(String method, String path, io.javalin.http.Handler handler) {
        docs.add(new NetboxRoute(method, path, null));
        routes.addHttpHandler(HandlerType.findOrCreate(method), path, ctx -> guard(ctx, () -> handler.handle(ctx)));
    }

    public void add(String method, String path, Permission permission, Handler handler) {
        docs.add(new NetboxRoute(method, path, permission));
        routes.addHttpHandler(HandlerType.findOrCreate(method), path, ctx -> guard(ctx, () -> {
            Principal p = auth.authenticate(ctx.header("Authorization"));
            if (!p.may(permission)) {
                String roles = Arrays.stream(Role.values()).filter(r -> r.may(permission)).map(Role::label)
                        .collect(Collectors.joining(" or "));
                throw NetboxError.detail(403, "You do not have permission to perform this action. '" + p.name()
                        + "' has role " + p.role().label() + "; this needs role " + roles + ".");
            }
            handler.handle(ctx, p);
        }));
    }

    public List<NetboxRoute> docs() {
        return List.copyOf(docs);
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void guard(Context ctx, Body body) throws Exception {
        try {
            // every audit event the handler causes carries this request's id
            ScopedValue.where(RequestId.CURRENT, RequestIds.of(ctx)).call(() -> {
                body.run();
                return null;
            });
        } catch (NetboxError e) {
            ctx.status(e.status()).json(e.body());
        } catch (ApiProblem e) {
            ctx.status(e.problem().status()).json(Map.of("detail", e.problem().detail()));
        } catch (IpamException e) {
            NetboxError n = translate(e);
            ctx.status(n.status()).json(n.body());
        } catch (JsonProcessingException e) {
            ctx.status(400).json(Map.of("detail", "JSON parse error - " + e.getOriginalMessage()));
        }
    }

    /** The engine's typed errors in the status NetBox uses for the same situation. */
    private static NetboxError translate(IpamException e) {
        return switch (e) {
            case PoolExhausted p -> NetboxError.detail(409, NetboxError.INSUFFICIENT);
            case NotFound n -> NetboxError.detail(404, "No matching object: " + e.getMessage());
            case AddressNotAvailable a -> NetboxError.field("address", e.getMessage());
            case OwnerNotPermitted o -> NetboxError.detail(403, e.getMessage());
            case VettingFailed v -> NetboxError.detail(503, e.getMessage() + "; retry later");
            default -> NetboxError.detail(400, e.getMessage());
        };
    }

    /** The request body as JSON; NetBox clients send {@code application/json;} with a trailing ';', so no check. */
    public static JsonNode body(Context ctx) throws JsonProcessingException {
        String text = ctx.body();
        if (text.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        return Json.mapper().readTree(text);
    }

    /** {@code scheme://host} as the client addressed us (the Host header), for absolute urls it can follow. */
    public static String origin(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            host = ctx.host();
        }
        return ctx.scheme() + "://" + host;
    }
}
