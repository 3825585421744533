package io.ipkeeper.server.api;

import io.ipkeeper.ipam.internal.Rows;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The filters of {@code GET /api/v1/audit} as a SQL condition with its bind values; every filter is optional and they
 * combine with AND. Bad values are refused (400) before any query runs.
 */
final class AuditQuery {
    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> binds = new LinkedHashMap<>();

    static AuditQuery of(Context ctx) {
        AuditQuery q = new AuditQuery();
        q.text(ctx, "actor", "principal");
        q.text(ctx, "action", "action");
        q.text(ctx, "objectType", "object_type");
        q.text(ctx, "requestId", "request_id");
        if (present(ctx, "objectId")) {
            q.add("object_id", "=", Paging.number(ctx, "objectId", 0, 1, Long.MAX_VALUE));
        }
        if (present(ctx, "space")) {
            q.add("space_id", "=", Paging.number(ctx, "space", 0, 1, Long.MAX_VALUE));
        }
        Instant since = instant(ctx, "since");
        Instant until = instant(ctx, "until");
        if (since != null && until != null && since.isAfter(until)) {
            throw ApiProblem.badRequest("'since' (" + since + ") is after 'until' (" + until + ")");
        }
        if (since != null) {
            q.add("occurred_at", ">=", Rows.ts(since));
        }
        if (until != null) {
            q.add("occurred_at", "<", Rows.ts(until));
        }
        return q;
    }

    String where() {
        return where.toString();
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        binds.forEach(statement::bind);
        return statement;
    }

    private void text(Context ctx, String param, String column) {
        if (present(ctx, param)) {
            add(column, "=", ctx.queryParam(param).strip());
        }
    }

    private void add(String column, String op, Object value) {
        String name = "f" + binds.size();
        where.append(" AND ").append(column).append(' ').append(op).append(" :").append(name);
        binds.put(name, value);
    }

    private static boolean present(Context ctx, String param) {
        String v = ctx.queryParam(param);
        return v != null && !v.isBlank();
    }

    private static Instant instant(Context ctx, String param) {
        if (!present(ctx, param)) {
            return null;
        }
        try {
            return Instant.parse(ctx.queryParam(param).strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("query parameter '" + param + "' must be an ISO-8601 instant such as"
                    + " 2026-11-23T00:00:00Z, not '" + ctx.queryParam(param) + "'");
        }
    }
}
