package io.ipkeeper.cli.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the {@code update} commands share: {@code --clear FIELD} (sent as JSON null, which a merge patch reads as
 * "clear it") and the ETag that guards against overwriting someone else's change.
 */
final class PatchOptions {
    private PatchOptions() {}

    /** Adds a null for each {@code --clear} field; refuses fields that cannot be cleared, and an empty change. */
    static RequestBody withClears(RequestBody body, List<String> clear, Set<String> clearable, String options) {
        for (String f : clear == null ? List.<String>of() : clear) {
            if (!clearable.contains(f)) {
                throw ClientException.invalid("--clear takes one of " + String.join(", ", new TreeSet<>(clearable))
                        + ", not '" + f + "'");
            }
            if (body.fields().containsKey(f)) {
                throw ClientException.invalid("'" + f + "' is both set and cleared; give one of them");
            }
            body.clear(f);
        }
        if (body.isEmpty()) {
            throw ClientException.invalid("nothing to change; give " + options + " or --clear FIELD");
        }
        return body;
    }

    /** {@code If-Match} with the given tag, else with the tag read from {@code path} just before. */
    static Map<String, String> ifMatch(ApiClient api, String path, String given) {
        String etag = given != null ? given : api.get(path).etag().orElse(null);
        return etag == null ? Map.of() : Map.of("If-Match", etag);
    }
}
