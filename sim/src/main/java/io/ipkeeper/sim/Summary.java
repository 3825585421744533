package io.ipkeeper.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ordered set of result fields (insertion order = output order), written as JSON by {@link Json}. */
public final class Summary {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Summary put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    Map<String, Object> fields() {
        return fields;
    }

    public String toJson() {
        return Json.write(this);
    }
}
