package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API tokens: Bearer authentication, creation (secret shown once), listing, revocation, expiry. */
@DatabaseTest
class TokenAuthTest {
    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;

    TokenAuthTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 2);
        admin = Api.admin(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestsWithoutOrWithABadTokenAre401AndHealthStaysOpen() {
        Api anonymous = Api.anonymous(server);
        Api.Res none = anonymous.get("/api/v1/spaces");
        assertThat(none.problem(401).get("detail").asText()).contains("Authorization: Bearer");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.as("ipk_not-a-real-token").get("/api/v1/spaces").problem(401).get("detail").asText())
                .contains("not known");
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void aWrongSchemeIs401() {
        Api.Res r = admin.send("GET", "/api/v1/spaces", null);
        assertThat(r.status()).isEqualTo(200);
        java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
        try {
            var res = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/v1/spaces"))
                    .header("Authorization", "Basic YWRtaW46YWRtaW4=").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(401);
            assertThat(res.body()).contains("Bearer <token>");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createdTokensAreShownOnceStoredHashedAndWork() {
        Api.Res created = admin.post("/api/v1/tokens", Map.of("name", "alice", "role", "engineer", "expiresIn", "P30D"));
        JsonNode t = created.ok(201);
        String secret = t.get("token").asText();
        assertThat(secret).startsWith("ipk_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(t.get("role").asText()).isEqualTo("engineer");
        assertThat(t.get("expiresAt").isNull()).isFalse();
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");

        JsonNode list = admin.get("/api/v1/tokens").ok(200);
        assertThat(list.get("count").asLong()).isEqualTo(Api.count(db, "api_token"));
        assertThat(list.toString()).doesNotContain(secret).contains("alice").contains("bootstrap-admin");

        Api alice = admin.as(secret);
        assertThat(alice.get("/api/v1/spaces").status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/spaces", Map.of("name", "x")).problem(403).get("detail").asText())
                .contains("engineer").contains("admin");
        assertThat(alice.get("/api/v1/tokens").problem(403)).isNotNull();
    }

    @Test
    void revokedAndExpiredTokensAre401WithTheReason() {
        JsonNode t = admin.post("/api/v1/tokens", Map.of("name", "bosh", "role", "service")).ok(201);
        Api bosh = admin.as(t.get("token").asText());
        assertThat(bosh.get("/api/v1/spaces").status()).isEqualTo(200);

        JsonNode revoked = admin.delete("/api/v1/tokens/" + t.get("id").asLong()).ok(200);
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(bosh.get("/api/v1/spaces").problem(401).get("detail").asText()).contains("revoked");

        JsonNode e = admin.post("/api/v1/tokens", Map.of("name", "old", "role", "viewer", "expiresIn", "P1D")).ok(201);
        Api old = admin.as(e.get("token").asText());
        assertThat(old.get("/api/v1/spaces").status()).isEqualTo(200);
        Api.execute(db, "UPDATE api_token SET expires_at = TIMESTAMP WITH TIME ZONE '2001-01-01 00:00:00+00' WHERE name = 'old'");
        assertThat(old.get("/api/v1/spaces").problem(401).get("detail").asText()).contains("expired");
    }

    @Test
    void badTokenRequestsAre4xxAndCreateNothing() {
        long before = Api.count(db, "api_token");
        admin.post("/api/v1/tokens", Map.of("name", "x", "role", "root")).problem(422);
        admin.post("/api/v1/tokens", Map.of("name", "x")).problem(422);
        admin.post("/api/v1/tokens", Map.of("name", " ", "role", "viewer")).problem(422);
        admin.post("/api/v1/tokens", Map.of("name", "x", "role", "viewer", "expiresIn", "tomorrow")).problem(422);
        admin.post("/api/v1/tokens", Map.of("name", "x", "role", "viewer", "expiresIn", "-PT1H")).problem(422);
        admin.post("/api/v1/tokens", Map.of("name", "x", "role", "viewer", "admin", true)).problem(400);
        admin.post("/api/v1/tokens", "{\"name\": ").problem(400);
        admin.post("/api/v1/tokens", Map.of("name", "bootstrap-admin", "role", "viewer")).problem(422);
        admin.delete("/api/v1/tokens/999999").problem(404);
        assertThat(Api.count(db, "api_token")).isEqualTo(before);
    }

    @Test
    void tokenChangesAreAudited() {
        String secret = admin.post("/api/v1/tokens", Map.of("name", "carol", "role", "viewer")).ok(201).get("token").asText();
        JsonNode audit = admin.get("/api/v1/audit?objectType=api_token").ok(200);
        assertThat(audit.get("count").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode newest = audit.get("results").get(0);
        assertThat(newest.get("action").asText()).isEqualTo("token.create");
        assertThat(newest.get("actor").asText()).endsWith(":bootstrap-admin");
        assertThat(newest.get("after").get("name").asText()).isEqualTo("carol");
        assertThat(newest.toString()).doesNotContain(secret).doesNotContain(secret.substring(12));
    }
}
