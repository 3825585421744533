package io.ipkeeper.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error is an RFC 9457 problem document that says what went wrong. */
class ApiErrorsTest {
    private static TestDatabase db;
    private static IpkeeperServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DatabaseKind.H2, "apierrors");
        server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 2));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).startsWith("https://ipkeeper.io/problems/");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void unknownPathsAreNotFoundProblems() throws Exception {
        JsonNode p = problem(send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/nothing-here"))), 404);
        assertThat(p.get("detail").asText()).contains("/api/v1/nothing-here");
        assertThat(p.get("instance").asText()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void wrongMethodsAreMethodNotAllowedProblems() throws Exception {
        JsonNode p = problem(send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/health"))
                .DELETE()), 405);
        assertThat(p.get("detail").asText()).contains("DELETE");
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        byte[] big = new byte[(int) IpkeeperServer.MAX_REQUEST_BYTES + 1];
        // Expect: 100-continue lets the server refuse on the headers alone. Without it the server may answer and
        // close while the client is still writing the body, and the client then sees a reset instead of the answer.
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/health"))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(r.statusCode()).isIn(405, 413);
    }
}
