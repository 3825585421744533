package io.ipkeeper.server.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on 127.0.0.1: records every POST; answers 204, or 503 while {@link #down} is set. */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(String event, String delivery, String timestamp, String signature, String body) {}

    private final HttpServer server;
    public final List<Received> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    volatile boolean down;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = ex.getRequestHeaders();
            if (down) {
                refused.incrementAndGet();
                ex.sendResponseHeaders(503, -1);
            } else {
                accepted.add(new Received(h.getFirst("X-Ipkeeper-Event"), h.getFirst("X-Ipkeeper-Delivery"),
                        h.getFirst("X-Ipkeeper-Timestamp"), h.getFirst("X-Ipkeeper-Signature"), body));
                ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> ofType(String event) {
        return accepted.stream().filter(r -> event.equals(r.event())).toList();
    }

    /** Subscribes this receiver (as {@code admin}) and returns the subscription id. */
    public long subscribe(Api admin, String secret, String... events) {
        return admin.post("/api/v1/webhooks", Map.of("url", url(), "events", List.of(events), "secret", secret))
                .ok(201).get("id").asLong();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
