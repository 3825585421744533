package io.ipkeeper.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.server.api.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes webhook deliveries in the caller's transaction: one row per subscriber of the event, so an event exists
 * exactly when its change committed. One statement per event, whether or not anyone subscribed.
 */
final class Outbox {
    private static final ObjectMapper JSON = Json.mapper();

    private static final String INSERT = "INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload,"
            + " created_at, attempts, next_attempt_at)"
            + " SELECT id, :event, :type, :payload, :at, 0, :at FROM webhook_subscription WHERE event_types LIKE :pattern";

    private Outbox() {}

    /** Queues {@code type} with {@code data} for every subscriber; returns how many deliveries were queued. */
    static int enqueue(Handle h, EventType type, Instant at, String actor, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type.label());
        event.put("occurredAt", at.toString());
        event.put("actor", actor);
        event.put("data", data);
        String payload;
        try {
            payload = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render webhook event " + type.label(), e);
        }
        return h.createUpdate(INSERT).bind("event", id).bind("type", type.label()).bind("payload", payload)
                .bind("at", Rows.ts(at)).bind("pattern", "%," + type.label() + ",%").execute();
    }
}
