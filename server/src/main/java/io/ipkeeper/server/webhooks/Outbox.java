package io.ipkeeper.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.server.api.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes webhook deliveries in the caller's transaction: one row per subscriber of the event, so an event exists
 * exactly when its change committed. One statement per event ({@link #enqueue}), or at most two per batch of events
 * ({@link #enqueueAll}), whether or not anyone subscribed.
 */
final class Outbox {
    private static final ObjectMapper JSON = Json.mapper();

    private static final String INSERT = "INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload,"
            + " created_at, attempts, next_attempt_at)"
            + " SELECT id, :event, :type, :payload, :at, 0, :at FROM webhook_subscription WHERE event_types LIKE :pattern";

    private Outbox() {}

    /** One event to queue. */
    record Event(EventType type, Instant at, String actor, Map<String, Object> data) {}

    private static final String SUBSCRIPTIONS = "SELECT id, event_types FROM webhook_subscription";
    private static final String INSERT_ONE = "INSERT INTO webhook_delivery (subscription_id, event_id, event_type,"
            + " payload, created_at, attempts, next_attempt_at) VALUES (:s, :event, :type, :payload, :at, 0, :at)";

    /**
     * Queues several events of one transaction (an allocator batch) for their subscribers with one query of the
     * subscriptions and, only if anyone subscribed, one JDBC batch of inserts: two round trips at most however many
     * events, where {@link #enqueue} per event would cost one each while the subnet stays locked. Same transaction,
     * so the same guarantees. Returns how many deliveries were queued.
     */
    static int enqueueAll(Handle h, List<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<Long, String> subscriptions = new LinkedHashMap<>();
        for (Map.Entry<Long, String> s : h.createQuery(SUBSCRIPTIONS)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("event_types"))).list()) {
            subscriptions.put(s.getKey(), s.getValue());
        }
        if (subscriptions.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = h.prepareBatch(INSERT_ONE);
        int rows = 0;
        for (Event e : events) {
            String id = UUID.randomUUID().toString();
            String payload = payload(id, e.type(), e.at(), e.actor(), e.data());
            for (Map.Entry<Long, String> s : subscriptions.entrySet()) {
                if (s.getValue().contains("," + e.type().label() + ",")) {
                    batch.bind("s", s.getKey()).bind("event", id).bind("type", e.type().label())
                            .bind("payload", payload).bind("at", Rows.ts(e.at())).add();
                    rows++;
                }
            }
        }
        if (rows > 0) {
            batch.execute();
        }
        return rows;
    }

    static int enqueue(Handle h, Event e) {
        return enqueue(h, e.type(), e.at(), e.actor(), e.data());
    }

    /** Queues {@code type} with {@code data} for every subscriber; returns how many deliveries were queued. */
    static int enqueue(Handle h, EventType type, Instant at, String actor, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        return h.createUpdate(INSERT).bind("event", id).bind("type", type.label())
                .bind("payload", payload(id, type, at, actor, data))
                .bind("at", Rows.ts(at)).bind("pattern", "%," + type.label() + ",%").execute();
    }

    private static String payload(String id, EventType type, Instant at, String actor, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type.label());
        event.put("occurredAt", at.toString());
        event.put("actor", actor);
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render webhook event " + type.label(), e);
        }
    }
}
