package io.ipkeeper.server.netbox.internal;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * NetBox's list envelope and limit/offset paging (netbox/api/pagination.py): default page 50, at most 1000, and
 * {@code limit=0} meaning "as many as allowed". {@code next} and {@code previous} are absolute and built from the Host
 * header, because pynetbox follows them verbatim. {@code count} is always an integer.
 */
public final class Listing {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private Listing() {}

    /** The limit as NetBox reads it: absent or unreadable → 50, 0 or more than 1000 → 1000. */
    public static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            return n <= 0 || n > MAX_LIMIT ? (n < 0 ? DEFAULT_LIMIT : MAX_LIMIT) : n;
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    static int offset(Context ctx) {
        String raw = ctx.queryParam("offset");
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One page of {@code all}, rendered by {@code view}. */
    public static <T> Map<String, Object> page(Context ctx, List<T> all, Function<T, Object> view) {
        int limit = limit(ctx);
        int offset = offset(ctx);
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", all.size());
        m.put("next", to < all.size() ? link(ctx, limit, to) : null);
        m.put("previous", offset > 0 ? link(ctx, limit, Math.max(0, offset - limit)) : null);
        m.put("results", all.subList(from, to).stream().map(view).toList());
        return m;
    }

    private static String link(Context ctx, int limit, int offset) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("limit") || e.getKey().equals("offset")) {
                continue;
            }
            for (String v : e.getValue()) {
                q.append(q.isEmpty() ? "" : "&").append(enc(e.getKey())).append('=').append(enc(v));
            }
        }
        q.append(q.isEmpty() ? "" : "&").append("limit=").append(limit);
        if (offset > 0) {
            q.append("&offset=").append(offset);
        }
        return NetboxHttp.origin(ctx) + ctx.path() + "?" + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** NetBox's brief mode: any non-empty {@code brief} value. */
    public static boolean brief(Context ctx) {
        String b = ctx.queryParam("brief");
        return b != null && !b.isEmpty();
    }
}
