package io.ipkeeper.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** One benchmark client: its own {@link HttpClient} (HTTP/1.1, keep-alive), so N clients hold N connections. */
final class HttpAllocator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOCATION = "{\"hostname\":\"bench\"}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    HttpAllocator(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** One address from {@code subnet}; returns the HTTP status (the body is read and dropped, keeping the connection). */
    int allocate(long subnet) throws IOException, InterruptedException {
        return http.send(request("/api/v1/subnets/" + subnet + "/allocations", ALLOCATION),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    void createSpace(String name) throws IOException, InterruptedException {
        post("/api/v1/spaces", Map.of("name", name));
    }

    long createSubnet(String space, String prefix) throws IOException, InterruptedException {
        return post("/api/v1/subnets", Map.of("space", space, "prefix", prefix)).get("id").asLong();
    }

    /** A service token granted {@code space}: service tokens allocate only inside their grants. */
    String createServiceToken(String name, String space) throws IOException, InterruptedException {
        return post("/api/v1/tokens", Map.of("name", name, "role", "service",
                "grants", java.util.List.of(Map.of("scope", "space", "value", space)))).get("token").asText();
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path, JSON.writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
