package io.ipkeeper.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PATCH body read as a JSON merge patch (RFC 7396): a field that is absent keeps the attribute, {@code null} clears
 * it, a value sets it. The ipam patch records take exactly these three states ({@code null}, empty, a value). Unknown
 * fields, wrong types and empty bodies are refused before anything is changed.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null = absent, empty = clear: the merge-patch states
final class MergePatch {
    private final JsonNode body;

    private MergePatch(JsonNode body) {
        this.body = body;
    }

    /** Checks that {@code body} has at least one field and only fields from {@code allowed}. */
    static MergePatch of(JsonNode body, Set<String> allowed) {
        String list = String.join(", ", new TreeSet<>(allowed));
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiProblem.of(400, "unknown-field", "Unknown field", "the body has an unknown or unchangeable field '"
                        + f + "'; a PATCH may change " + list, Map.of());
            }
        }
        if (body.isEmpty()) {
            throw ApiProblem.invalid("the PATCH body changes nothing; give at least one of " + list);
        }
        return new MergePatch(body);
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** Absent: {@code null}; JSON null: empty; a string: that string. */
    Optional<String> text(String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ApiProblem.badRequest("field '" + field + "' must be a string or null");
        }
        return Optional.of(v.asText());
    }

    /** A string that may not be cleared: absent gives {@code null}. */
    String requiredText(String field) {
        Optional<String> v = text(field);
        if (v != null && v.isEmpty()) {
            throw ApiProblem.invalid("'" + field + "' cannot be cleared; give a new value or leave it out");
        }
        return v == null ? null : v.get();
    }

    /** Absent: {@code null}; a boolean: that value. A switch has no "cleared" state, so JSON null is refused. */
    Boolean bool(String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiProblem.badRequest("field '" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    Optional<Integer> integer(String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiProblem.badRequest("field '" + field + "' must be a whole number or null");
        }
        return Optional.of(v.intValue());
    }

    Optional<List<String>> textList(String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw ApiProblem.badRequest("field '" + field + "' must be an array of strings or null");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ApiProblem.badRequest("field '" + field + "' must be an array of strings");
            }
            out.add(e.asText());
        }
        return Optional.of(out);
    }
}
