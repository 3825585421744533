package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.testkit.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A small HTTP client for API tests: real requests against a server on 127.0.0.1, JSON in and out. */
public final class Api {
    public static final String ADMIN_TOKEN = "ipk_test-bootstrap-admin-token-0123456789abcdefgh";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String token;

    private Api(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    public static IpkeeperServer start(TestDatabase db, int poolSize) {
        return start(db, poolSize, UnaryOperator.identity());
    }

    /** With options changed by {@code tune} (metrics, webhook timing). */
    public static IpkeeperServer start(TestDatabase db, int poolSize, UnaryOperator<ServerOptions> tune) {
        return IpkeeperServer.start(tune.apply(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(),
                poolSize).withBootstrapToken(ADMIN_TOKEN)));
    }

    public static Api admin(IpkeeperServer server) {
        return new Api(HttpClient.newHttpClient(), server.url(), ADMIN_TOKEN);
    }

    public static Api anonymous(IpkeeperServer server) {
        return new Api(HttpClient.newHttpClient(), server.url(), null);
    }

    public Api as(String otherToken) {
        return new Api(http, base, otherToken);
    }

    /**
     * Creates a token of {@code role} (as this client, which must be admin) with grants written {@code scope:value}
     * (e.g. {@code space:lab}, {@code owner:bosh-west}) and returns a client using it.
     */
    public Api withRole(String name, String role, String... grants) {
        List<Map<String, String>> g = java.util.Arrays.stream(grants).map(x -> x.split(":", 2))
                .map(p -> Map.of("scope", p[0], "value", p[1])).toList();
        Res r = post("/api/v1/tokens", Map.of("name", name, "role", role, "grants", g));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return as(r.json().get("token").asText());
    }

    public record Res(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        public String text() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Asserts a problem document with this status and returns its body. */
        public JsonNode problem(int expected) {
            assertThat(status).as("status of %s", raw.body()).isEqualTo(expected);
            assertThat(header("content-type")).startsWith("application/problem+json");
            JsonNode p = json();
            assertThat(p.get("status").asInt()).isEqualTo(expected);
            assertThat(p.get("type").asText()).startsWith("https://ipkeeper.io/problems/");
            assertThat(p.get("detail").asText()).isNotBlank();
            return p;
        }

        public JsonNode ok(int expected) {
            assertThat(status).as("status of %s", raw.body()).isEqualTo(expected);
            return raw.body().isEmpty() ? null : json();
        }
    }

    public Res get(String path) {
        return send(request(path).GET(), Map.of());
    }

    public Res get(String path, Map<String, String> headers) {
        return send(request(path).GET(), headers);
    }

    public Res post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Res post(String path, Object body, Map<String, String> headers) {
        return send(request(path).POST(publisher(body)).header("Content-Type", "application/json"), headers);
    }

    public Res patch(String path, Object body, Map<String, String> headers) {
        return send(request(path).method("PATCH", publisher(body)).header("Content-Type", "application/json"), headers);
    }

    public Res delete(String path) {
        return send(request(path).DELETE(), Map.of());
    }

    public Res send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    /** With extra headers (a session cookie, X-CSRF-Token) and a JSON body or none. */
    public Res send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : publisher(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b, headers);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            String s = body instanceof String str ? str : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Res send(HttpRequest.Builder b, Map<String, String> headers) {
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Rows in a table, straight from the database (to prove that rejected requests wrote nothing). */
    public static long count(TestDatabase db, String table) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
