package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON request body built from options: unset options are left out, so the server applies its defaults. */
final class RequestBody {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    RequestBody set(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** Sends {@code name} as JSON {@code null}: in a PATCH (a merge patch) that clears the field. */
    RequestBody clear(String name) {
        fields.put(name, null);
        return this;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Object> fields() {
        return fields;
    }
}
