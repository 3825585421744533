package io.ipkeeper.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem document: every error the API returns has this shape, with a {@code detail} that says what to
 * fix. Extension members (e.g. {@code requested}, {@code available}) go in {@code extensions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        @com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, Object> extensions) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ipkeeper.io/problems/";

    /** A problem of the given kind (a short slug such as {@code not-found}). */
    public static Problem of(int status, String kind, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + kind, title, status, detail, instance, Map.of());
    }

    public Problem with(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, Map.copyOf(more));
    }
}
