package io.ipkeeper.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: taken from the request (a load balancer or client may set it, so one id follows a request
 * through every log) or generated, echoed in every response, and recorded with each audit event the request causes.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "ipkeeper.requestId";
    /** Visible ASCII, as proxies generate it (UUIDs, hex, base64); at most the audit column's 128 characters. */
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private RequestIds() {}

    public static void register(RoutesConfig routes) {
        routes.before(RequestIds::assign);
    }

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        if (given == null || given.isBlank()) {
            set(ctx, UUID.randomUUID().toString());
            return;
        }
        String id = given.strip();
        if (!VALID.matcher(id).matches()) {
            set(ctx, UUID.randomUUID().toString());
            throw ApiProblem.of(400, "bad-request-id", "Bad request id", "the " + HEADER + " header must be 1 to 128"
                    + " visible ASCII characters without spaces (e.g. a UUID); leave it out to get one generated", Map.of());
        }
        set(ctx, id);
    }

    private static void set(Context ctx, String id) {
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** This request's id (assigned before any handler runs). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
