package io.ipkeeper.server.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Serves the web UI: {@code /} redirects to {@code /ui/}, which answers the app page; assets come from
 * {@code /ui/v/<version>/…}. Every UI response carries {@link SecurityHeaders}. The UI talks only to {@code /api/v1}.
 */
public final class UiRoutes {
    static final String PREFIX = "/ui/v/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private UiRoutes() {}

    public static void register(RoutesConfig routes, UiAssets assets) {
        routes.get("/", ctx -> redirect(ctx));
        // Javalin ignores trailing slashes, so this route answers /ui as well.
        routes.get("/ui/", ctx -> {
            SecurityHeaders.apply(ctx);
            // The page names the current asset version, so it must be fetched again each time (it is small).
            ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(assets.index());
        });
        routes.get("/ui/v/{version}/<path>", ctx -> asset(ctx, assets));
    }

    private static void redirect(Context ctx) {
        SecurityHeaders.apply(ctx);
        ctx.redirect("/ui/");
    }

    private static void asset(Context ctx, UiAssets assets) {
        SecurityHeaders.apply(ctx);
        String path = ctx.pathParam("path");
        UiAssets.Asset a = assets.asset(path).orElse(null);
        if (a == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such web UI file: " + path);
            return;
        }
        String etag = "\"" + assets.version() + "\"";
        ctx.header("ETag", etag);
        if (!ctx.pathParam("version").equals(assets.version())) {
            // An old page asking for old assets: answer today's file, but do not let it be cached under the old URL.
            ctx.header("Cache-Control", "no-cache");
        } else {
            ctx.header("Cache-Control", IMMUTABLE);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
        }
        ctx.contentType(a.contentType()).result(a.body());
    }
}
