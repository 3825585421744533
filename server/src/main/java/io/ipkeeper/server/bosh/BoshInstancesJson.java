package io.ipkeeper.server.bosh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the output of {@code bosh instances --details --json} (bosh-cli v2+): {@code {"Tables": [{"Content":
 * "instances", "Header": {...}, "Rows": [{"instance": "web/3f1c…", "ips": "198.18.0.20", "process_state":
 * "running", "vm_cid": "vm-…", …}]}], "Blocks": …, "Lines": […]}}, one table per deployment. Only {@code instance},
 * {@code ips} (several IPs are separated by newlines) and {@code deployment} are used; every other column is ignored,
 * so {@code --details}, {@code --ps} and {@code --vitals} outputs all work.
 */
public final class BoshInstancesJson {
    private BoshInstancesJson() {}

    /** @throws IllegalArgumentException with a message that says what is missing, when this is not that output */
    public static List<BoshInstance> parse(JsonNode root) {
        JsonNode tables = root.path("Tables");
        if (!tables.isArray()) {
            throw new IllegalArgumentException("expected the output of 'bosh instances --details --json': an object"
                    + " with a \"Tables\" array");
        }
        List<BoshInstance> out = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            JsonNode rows = tables.get(t).path("Rows");
            if (!rows.isArray()) {
                throw new IllegalArgumentException("Tables[" + t + "] has no \"Rows\" array");
            }
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                String instance = row.path("instance").asText("");
                if (instance.isBlank()) {
                    throw new IllegalArgumentException("Tables[" + t + "].Rows[" + r + "] has no \"instance\"");
                }
                List<String> ips = Arrays.stream(row.path("ips").asText("").split("[\\s,]+"))
                        .filter(s -> !s.isBlank()).toList();
                String deployment = row.path("deployment").asText("");
                out.add(new BoshInstance(instance.strip(), deployment.isBlank() ? null : deployment.strip(), ips));
            }
        }
        return out;
    }
}
