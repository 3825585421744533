package io.ipkeeper.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@DatabaseTest
class HealthEndpointTest {
    private final TestDatabase db;
    private final DatabaseKind kind;

    HealthEndpointTest(TestDatabase db, DatabaseKind kind) {
        this.db = db;
        this.kind = kind;
    }

    @Test
    void reportsOkVersionAndTheDatabaseInUse() throws Exception {
        try (IpkeeperServer server = IpkeeperServer.start(
                new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 2))) {
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("version").asText()).isEqualTo(Version.current()).isNotEqualTo("dev");
            assertThat(body.get("database").asText()).isEqualTo(kind == DatabaseKind.H2 ? "h2" : "postgresql");
        }
    }

    @Test
    void aPortInUseIsAClearError() {
        try (IpkeeperServer first = IpkeeperServer.start(
                new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 2))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IpkeeperServer.start(
                            new ServerOptions("127.0.0.1", first.port(), db.jdbcUrl(), db.user(), db.password(), 2)))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port())
                    .hasMessageContaining("--port");
        }
    }
}
