package io.ipkeeper.server.api;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.server.Version;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/health}: liveness plus which database is behind the server and whether it answers. */
public final class HealthRoutes {
    private HealthRoutes() {}

    public static void register(RoutesConfig routes, Database database) {
        routes.get("/api/v1/health", ctx -> {
            boolean dbOk = database.isHealthy();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", dbOk ? "ok" : "unavailable");
            body.put("version", Version.current());
            body.put("database", database.kind().label());
            ctx.status(dbOk ? 200 : 503).json(body);
        });
    }
}
