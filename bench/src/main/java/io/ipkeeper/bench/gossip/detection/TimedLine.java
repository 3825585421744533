package io.ipkeeper.bench.gossip.detection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line a node printed, stamped with {@link System#nanoTime()} when the harness read it (so detection times do not
 * depend on the node's own clock or on how often the harness looks). {@code json} is null for stderr (log) lines.
 */
record TimedLine(long nanos, String text, JsonNode json) {

    /** The event kind ({@code leave}, {@code members}, …), or "" for a log line. */
    String kind() {
        return json == null ? "" : json.path("event").asText();
    }

    /** The {@code node} field: whom a join/leave/update event is about. */
    String node() {
        return json == null ? "" : json.path("node").asText();
    }

    /** The {@code state} field ({@code dead} or {@code left} on a leave event). */
    String state() {
        return json == null ? "" : json.path("state").asText();
    }
}
