package io.ipkeeper.server.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook subscription as the API shows it: never with its secret. */
public record Subscription(long id, String url, List<EventType> events, String description, long pendingDeliveries,
                           String createdBy, Instant createdAt) {

    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", url);
        m.put("events", events.stream().map(EventType::label).toList());
        m.put("description", description);
        m.put("pendingDeliveries", pendingDeliveries);
        m.put("createdBy", createdBy);
        m.put("createdAt", createdAt.toString());
        return m;
    }
}
