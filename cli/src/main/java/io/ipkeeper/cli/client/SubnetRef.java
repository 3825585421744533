package io.ipkeeper.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.net.Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what users type for a subnet, an id ({@code 12}) or a prefix ({@code 198.18.0.0/24}), into the subnet's id.
 * A prefix may exist in several spaces; then {@code --space} must say which, and the error lists them.
 */
final class SubnetRef {
    private SubnetRef() {}

    static long resolve(ApiClient api, String ref, String space) {
        String r = ref.strip();
        if (r.matches("\\d+")) {
            return Long.parseLong(r);
        }
        Prefix prefix;
        try {
            prefix = Prefix.parse(r);
        } catch (RuntimeException e) {
            throw ClientException.invalid("'" + ref + "' is neither a subnet id nor a prefix such as 198.18.0.0/24: "
                    + e.getMessage());
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("contains", prefix.toString());
        q.put("space", space);
        q.put("limit", 1000);
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode s : api.get(ApiClient.query("/api/v1/subnets", q)).body().path("results")) {
            if (s.path("prefix").asText().equals(prefix.toString())) {
                matches.add(s);
            }
        }
        if (matches.isEmpty()) {
            throw new ClientException(ExitCodes.NOT_FOUND, "no subnet " + prefix
                    + (space == null ? "" : " in space " + space) + "; 'ipkeeper subnet list' shows them");
        }
        if (matches.size() > 1) {
            List<String> where = matches.stream()
                    .map(s -> "space " + s.path("space").asText() + " (subnet id " + s.path("id").asText() + ")").toList();
            throw ClientException.invalid("prefix " + prefix + " exists in several spaces: " + String.join(", ", where)
                    + "; add --space NAME or give the subnet id");
        }
        return matches.getFirst().path("id").asLong();
    }
}
