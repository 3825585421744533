package io.ipkeeper.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** Stored JSON text written into a response as JSON (not as a string). */
public record RawJson(@JsonValue @JsonRawValue String json) {
    public static RawJson of(String json) {
        return json == null || json.isBlank() ? null : new RawJson(json);
    }
}
