package io.ipkeeper.server.api;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.server.auth.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/** {@code GET /api/v1/audit}: the change log, newest first, filtered by object or actor. */
public final class AuditRoutes {
    private AuditRoutes() {}

    public static void register(ApiRoutes api, Database database) {
        api.get("/api/v1/audit", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> binds = new LinkedHashMap<>();
            String type = ctx.queryParam("objectType");
            if (type != null && !type.isBlank()) {
                where.append(" AND object_type = :t");
                binds.put("t", type.strip());
            }
            if (ctx.queryParam("objectId") != null) {
                where.append(" AND object_id = :oid");
                binds.put("oid", Paging.number(ctx, "objectId", 0, 1, Long.MAX_VALUE));
            }
            String actor = ctx.queryParam("actor");
            if (actor != null && !actor.isBlank()) {
                where.append(" AND principal = :p");
                binds.put("p", actor.strip());
            }
            Map<String, Object> body = database.jdbi().withHandle(h -> {
                Query count = h.createQuery("SELECT COUNT(*) FROM audit_event" + where);
                binds.forEach(count::bind);
                long n = count.mapTo(Long.class).one();
                Query page = h.createQuery("SELECT id, occurred_at, principal, action, object_type, object_id, space_id,"
                        + " before_json, after_json FROM audit_event" + where + " ORDER BY id DESC LIMIT :l OFFSET :o");
                binds.forEach(page::bind);
                List<Map<String, Object>> rows = page.bind("l", paging.limit()).bind("o", paging.offset()).map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("occurredAt", Views.text(Rows.instant(rs, "occurred_at")));
                    m.put("actor", rs.getString("principal"));
                    m.put("action", rs.getString("action"));
                    m.put("objectType", rs.getString("object_type"));
                    m.put("objectId", Rows.nullableLong(rs, "object_id"));
                    m.put("space", Rows.nullableLong(rs, "space_id"));
                    m.put("before", RawJson.of(rs.getString("before_json")));
                    m.put("after", RawJson.of(rs.getString("after_json")));
                    return m;
                }).list();
                return paging.page(ctx, n, rows);
            });
            ctx.json(body);
        }).summary("audit", "The audit log of changes, newest first")
                .query("objectType", "e.g. allocation, subnet, ip_range, address_space, api_token")
                .query("objectId", "id of the object").query("actor", "who made the change, e.g. token:3:alice")
                .paged().returns(200, "AuditEventPage");
    }
}
