package io.ipkeeper.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what users type for an allocation, its id or its address, into the id. An address is looked up among live
 * allocations (allocated or reserved); the same address in several spaces needs {@code --space}.
 */
final class AllocationRef {
    private AllocationRef() {}

    static long resolve(ApiClient api, String ref, String space) {
        String r = ref.strip();
        if (r.matches("\\d+")) {
            return Long.parseLong(r);
        }
        if (!r.contains(".") && !r.contains(":")) {
            throw ClientException.invalid("'" + ref + "' is neither an allocation id nor an IP address");
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("address", r);
        q.put("space", space);
        q.put("limit", 1000);
        List<JsonNode> live = new ArrayList<>();
        for (JsonNode a : api.get(ApiClient.query("/api/v1/allocations", q)).body().path("results")) {
            String state = a.path("state").asText();
            if (state.equals("allocated") || state.equals("reserved")) {
                live.add(a);
            }
        }
        if (live.isEmpty()) {
            throw new ClientException(ExitCodes.NOT_FOUND, "address " + r + " is not allocated"
                    + (space == null ? "" : " in space " + space));
        }
        if (live.size() > 1) {
            List<String> where = live.stream()
                    .map(a -> "space " + a.path("space").asText() + " (allocation id " + a.path("id").asText() + ")")
                    .toList();
            throw ClientException.invalid("address " + r + " is allocated in several spaces: " + String.join(", ", where)
                    + "; add --space NAME or give the allocation id");
        }
        return live.getFirst().path("id").asLong();
    }
}
