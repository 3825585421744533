package io.ipkeeper.server.api;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.server.auth.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * {@code GET /api/v1/audit}: the change log, newest first, filtered by actor, action, object, space, time and request
 * id ({@link AuditQuery}).
 */
public final class AuditRoutes {
    private AuditRoutes() {}

    public static void register(ApiRoutes api, Database database) {
        api.get("/api/v1/audit", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            AuditQuery filter = AuditQuery.of(ctx);
            String where = filter.where();
            Map<String, Object> body = database.jdbi().withHandle(h -> {
                long n = filter.bind(h.createQuery("SELECT COUNT(*) FROM audit_event" + where)).mapTo(Long.class).one();
                Query page = h.createQuery("SELECT id, occurred_at, principal, action, object_type, object_id, space_id,"
                        + " before_json, after_json, request_id FROM audit_event" + where
                        + " ORDER BY id DESC LIMIT :l OFFSET :o");
                filter.bind(page);
                List<Map<String, Object>> rows = page.bind("l", paging.limit()).bind("o", paging.offset()).map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("occurredAt", Views.text(Rows.instant(rs, "occurred_at")));
                    m.put("actor", rs.getString("principal"));
                    m.put("action", rs.getString("action"));
                    m.put("objectType", rs.getString("object_type"));
                    m.put("objectId", Rows.nullableLong(rs, "object_id"));
                    m.put("space", Rows.nullableLong(rs, "space_id"));
                    m.put("requestId", rs.getString("request_id"));
                    m.put("before", RawJson.of(rs.getString("before_json")));
                    m.put("after", RawJson.of(rs.getString("after_json")));
                    return m;
                }).list();
                return paging.page(ctx, n, rows);
            });
            ctx.json(body);
        }).summary("audit", "The audit log of changes, newest first; filters combine with AND")
                .query("objectType", "e.g. allocation, subnet, ip_range, address_space, api_token")
                .query("objectId", "id of the object").query("actor", "who made the change, e.g. token:3:alice")
                .query("action", "e.g. allocation.create, subnet.update, space.delete")
                .query("space", "id of the space the object is in")
                .query("since", "events at or after this ISO-8601 instant")
                .query("until", "events before this ISO-8601 instant")
                .query("requestId", "the X-Request-Id of the request that made the change")
                .paged().returns(200, "AuditEventPage");
    }
}
