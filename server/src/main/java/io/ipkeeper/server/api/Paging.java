package io.ipkeeper.server.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * NetBox-style offset paging: {@code ?limit=} (1..1000, default 100) and {@code ?offset=}; lists answer
 * {@code {count, next, results}} where {@code next} is the path of the following page, or null on the last one.
 */
public record Paging(int limit, long offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static Paging of(Context ctx) {
        int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = number(ctx, "offset", 0, 0, Long.MAX_VALUE);
        return new Paging(limit, offset);
    }

    /** A numeric query parameter within bounds, or 400 saying which bounds. */
    public static long number(Context ctx, String name, long dflt, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number, not '" + v + "'");
        }
        if (n < min || n > max) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be " + min + ".."
                    + (max == Long.MAX_VALUE ? "" : String.valueOf(max)) + ", not " + n);
        }
        return n;
    }

    /** Pages an in-memory list. */
    public <T> Map<String, Object> page(Context ctx, List<T> all) {
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return page(ctx, all.size(), all.subList(from, to));
    }

    /** The response for one page of a list of {@code count} items. */
    public Map<String, Object> page(Context ctx, long count, List<?> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("next", offset + limit < count ? nextPath(ctx) : null);
        m.put("results", results);
        return m;
    }

    private String nextPath(Context ctx) {
        Map<String, List<String>> q = new LinkedHashMap<>(ctx.queryParamMap());
        q.put("limit", List.of(String.valueOf(limit)));
        q.put("offset", List.of(String.valueOf(offset + limit)));
        return ctx.path() + "?" + q.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
