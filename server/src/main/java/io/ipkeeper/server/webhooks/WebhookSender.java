package io.ipkeeper.server.webhooks;

import io.ipkeeper.server.Version;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/** POSTs one delivery, signed; a 2xx answer is success, anything else (or no answer in time) a failure. */
final class WebhookSender {
    private final HttpClient http;
    private final InstantSource clock;
    private final Duration timeout;

    WebhookSender(InstantSource clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Empty on success, else why it failed (stored as the delivery's last error). */
    Optional<String> send(Delivery d) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ipkeeper-webhooks/" + Version.current())
                    .header("X-Ipkeeper-Event", d.eventType())
                    .header("X-Ipkeeper-Delivery", d.deliveryId())
                    .header("X-Ipkeeper-Timestamp", timestamp)
                    .header("X-Ipkeeper-Signature", WebhookSignature.sign(d.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        } catch (IllegalArgumentException e) {
            return Optional.of("bad URL: " + e.getMessage());
        }
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + r.statusCode());
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
