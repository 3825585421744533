package io.ipkeeper.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a problem document: unknown paths (404), unsupported methods (405), malformed JSON (400),
 * Javalin's own HTTP errors, and unexpected exceptions (500, logged with an id the client can quote).
 */
public final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public static void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) ->
                send(ctx, Problem.of(e.getStatus(), slug(e.getStatus()), title(e.getStatus()),
                        detail(e.getStatus(), ctx, e.getMessage()), ctx.path())));
        routes.exception(JsonProcessingException.class, (e, ctx) ->
                send(ctx, Problem.of(400, "malformed-json", "Malformed JSON",
                        "the request body is not valid JSON: " + e.getOriginalMessage(), ctx.path())));
        routes.exception(Exception.class, (e, ctx) -> {
            String id = UUID.randomUUID().toString();
            log.error("unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(500, "internal-error", "Internal server error",
                    "an unexpected error occurred; the server log has details under error id " + id, ctx.path()));
        });
        for (int status : new int[] {404, 405}) {
            routes.error(status, "*", ctx -> {
                if (!ctx.res().isCommitted() && !isProblem(ctx)) {
                    send(ctx, Problem.of(status, slug(status), title(status), detail(status, ctx, null), ctx.path()));
                }
            });
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    /** Writes {@code problem} as the response. */
    public static void send(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }

    /** A detail that tells the client what to do, where the status allows one. */
    private static String detail(int status, Context ctx, String fallback) {
        return switch (status) {
            case 404 -> ctx.path().startsWith("/api/") && !ctx.path().startsWith("/api/v1/")
                    ? "no resource at " + ctx.path() + "; ipkeeper's NetBox-compatible API covers only the IPAM"
                            + " endpoints listed in docs/netbox-compat.md, its own API lives under /api/v1"
                    : "no resource at " + ctx.path() + "; the API lives under /api/v1";
            case 405 -> ctx.method() + " is not supported on " + ctx.path();
            case 413 -> "the request body is larger than the server accepts";
            default -> fallback == null || fallback.isBlank() ? title(status) : fallback;
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            default -> "HTTP " + status;
        };
    }
}
