package io.ipkeeper.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reads request bodies strictly: a body is required, must be one JSON object, and may hold only known fields. */
public final class Bodies {
    private static final ObjectMapper MAPPER = Json.mapper();

    private Bodies() {}

    public static <T> T read(Context ctx, Class<T> type) throws JsonProcessingException {
        JsonNode tree = tree(ctx);
        return MAPPER.treeToValue(tree, type);
    }

    /** The body as a JSON object (for PATCH, where "absent" and "null" mean different things). */
    public static JsonNode tree(Context ctx) throws JsonProcessingException {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiProblem.badRequest("this request needs a JSON object body; see /api/v1/openapi.json");
        }
        JsonNode tree = MAPPER.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object ({...})");
        }
        return tree;
    }

    /** An optional body: none (or {@code {}}) gives the type's empty value. */
    public static <T> T readOptional(Context ctx, Class<T> type, T empty) throws JsonProcessingException {
        return ctx.body().isBlank() ? empty : read(ctx, type);
    }
}
