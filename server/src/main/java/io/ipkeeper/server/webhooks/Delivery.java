package io.ipkeeper.server.webhooks;

/** One claimed outbox row with where and how to send it. */
record Delivery(long id, long subscriptionId, String eventId, String eventType, String payload, int attempts,
                String url, String secret) {

    /** Stable across retries and unique per event and subscription: what receivers de-duplicate on. */
    String deliveryId() {
        return eventId + "." + subscriptionId;
    }
}
