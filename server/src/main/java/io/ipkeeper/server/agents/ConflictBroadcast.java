package io.ipkeeper.server.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.api.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A conflict an agent saw on its segment and broadcast as the gossip user event {@value #EVENT_NAME}, so servers learn
 * of it even when that agent cannot reach any of them. The payload is compact JSON (Serf limits name + payload to 512
 * bytes): {@code {"agent":"web-17","address":"198.18.0.10","macs":["02:…:0a","02:…:0b"],"interface":"eth0"}}.
 *
 * @param agent the sending agent's gossip name (its agent name or hostname)
 */
public record ConflictBroadcast(String agent, IpAddress address, List<String> macs, String interfaceName) {
    public static final String EVENT_NAME = "ipkeeper-conflict";
    /** More MACs than this for one address is a flood, not a conflict worth more evidence. */
    public static final int MAX_MACS = 8;

    /** Decodes and validates a payload; anything wrong is an {@link IllegalArgumentException} naming the field. */
    public static ConflictBroadcast parse(byte[] payload) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String agent = text(n, "agent", 255);
        String iface = n.hasNonNull("interface") ? text(n, "interface", 64) : "gossip";
        IpAddress address;
        try {
            address = IpAddress.parse(text(n, "address", 64));
        } catch (MalformedAddress e) {
            throw new IllegalArgumentException("'address': " + e.getMessage());
        }
        JsonNode macs = n.get("macs");
        if (macs == null || !macs.isArray() || macs.isEmpty() || macs.size() > MAX_MACS) {
            throw new IllegalArgumentException("'macs' must be a list of 1.." + MAX_MACS + " MACs");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode m : macs) {
            String mac;
            try {
                mac = Macs.normalize(m.asText(), "macs");
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            if (!out.contains(mac)) {
                out.add(mac);
            }
        }
        return new ConflictBroadcast(agent, address, List.copyOf(out), iface);
    }

    private static String text(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            throw new IllegalArgumentException("'" + field + "' must be text of 1.." + max + " characters");
        }
        return v.asText().strip();
    }
}
