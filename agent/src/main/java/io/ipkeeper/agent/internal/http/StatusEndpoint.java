package io.ipkeeper.agent.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The agent's own small HTTP listener: {@code GET /healthz} (200 while healthy, 503 otherwise, with a one-line reason)
 * and {@code GET /metrics} (Prometheus text). The JDK's server keeps the agent free of a web framework.
 */
public final class StatusEndpoint implements AutoCloseable {

    /** What {@code /healthz} says. */
    public record Health(boolean healthy, String detail) {}

    private final HttpServer server;

    private StatusEndpoint(HttpServer server) {
        this.server = server;
    }

    public static StatusEndpoint start(InetSocketAddress listen, Supplier<Health> health, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(listen, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listen + " for /healthz and /metrics: " + e.getMessage()
                    + " (choose another address with --listen)", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/healthz", ex -> {
            Health h = health.get();
            respond(ex, h.healthy() ? 200 : 503, "text/plain; charset=utf-8", h.detail() + "\n");
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.createContext("/", ex -> respond(ex, 404, "text/plain; charset=utf-8", "not found: try /healthz or /metrics\n"));
        server.start();
        return new StatusEndpoint(server);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                byte[] b = "only GET\n".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, b.length);
                ex.getResponseBody().write(b);
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : b.length);
            if (!ex.getRequestMethod().equals("HEAD")) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
