package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local users, browser sessions (cookie + CSRF), who-am-I, logout, own password and own tokens. */
@DatabaseTest
class UserSessionTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private Api anonymous;

    UserSessionTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 2);
        admin = Api.admin(server);
        anonymous = Api.anonymous(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A logged-in browser: the session cookie and the CSRF token. */
    private record Browser(String cookie, String csrf) {
        Map<String, String> headers(boolean withCsrf) {
            Map<String, String> h = new HashMap<>();
            h.put("Cookie", cookie);
            if (withCsrf) {
                h.put("X-CSRF-Token", csrf);
            }
            return h;
        }
    }

    private JsonNode createUser(String name, String role) {
        return admin.post("/api/v1/users", Map.of("username", name, "role", role, "password", PASSWORD)).ok(201);
    }

    private Browser login(String name, String password) {
        Api.Res r = anonymous.post("/api/v1/session", Map.of("username", name, "password", password));
        JsonNode body = r.ok(201);
        String setCookie = r.header("Set-Cookie");
        return new Browser(setCookie.substring(0, setCookie.indexOf(';')), body.get("csrfToken").asText());
    }

    @Test
    void usersAreCreatedListedChangedAndDeletedByAdminsWithHashedPasswords() {
        JsonNode alice = createUser("alice", "engineer");
        assertThat(alice.get("role").asText()).isEqualTo("engineer");
        assertThat(alice.toString()).doesNotContain(PASSWORD).doesNotContain("argon2");
        long id = alice.get("id").asLong();

        JsonNode list = admin.get("/api/v1/users").ok(200);
        assertThat(list.get("count").asLong()).isEqualTo(Api.count(db, "app_user"));
        assertThat(list.get("results").findValuesAsText("username")).contains("alice");
        assertThat(admin.get("/api/v1/users/" + id).ok(200).get("disabled").asBoolean()).isFalse();

        JsonNode changed = admin.patch("/api/v1/users/" + id, Map.of("role", "viewer", "disabled", true), Map.of())
                .ok(200);
        assertThat(changed.get("role").asText()).isEqualTo("viewer");
        assertThat(changed.get("disabled").asBoolean()).isTrue();
        assertThat(Api.count(db, "app_user WHERE username = 'alice' AND password_hash LIKE"
                + " '$argon2id$v=19$m=19456,t=2,p=1$%'")).isEqualTo(1);

        JsonNode audit = admin.get("/api/v1/audit?objectType=app_user").ok(200);
        assertThat(audit.get("results").get(0).get("action").asText()).isEqualTo("user.update");
        assertThat(audit.toString()).doesNotContain(PASSWORD).doesNotContain("argon2");

        assertThat(admin.delete("/api/v1/users/" + id).status()).isEqualTo(204);
        admin.get("/api/v1/users/" + id).problem(404);
    }

    @Test
    void badUsersAre422AndCreateNothing() {
        long users = Api.count(db, "app_user");
        admin.post("/api/v1/users", Map.of("username", "Bob", "role", "viewer", "password", PASSWORD)).problem(422);
        admin.post("/api/v1/users", Map.of("username", "bob", "role", "root", "password", PASSWORD)).problem(422);
        JsonNode shortPw = admin.post("/api/v1/users", Map.of("username", "bob", "role", "viewer", "password",
                "tooshort")).problem(422);
        assertThat(shortPw.get("detail").asText()).contains("at least 12");
        admin.post("/api/v1/users", Map.of("username", "bob", "role", "viewer")).problem(422);
        admin.post("/api/v1/users", Map.of("username", "bob", "role", "viewer", "password", "bob")).problem(422);
        long id = createUser("bob", "viewer").get("id").asLong();
        admin.post("/api/v1/users", Map.of("username", "bob", "role", "viewer", "password", PASSWORD)).problem(422);
        admin.patch("/api/v1/users/" + id, Map.of("password", "short"), Map.of()).problem(422);
        admin.patch("/api/v1/users/" + id, Map.of("admin", true), Map.of()).problem(400);
        admin.patch("/api/v1/users/" + id, Map.of(), Map.of()).problem(422);
        assertThat(Api.count(db, "app_user")).isEqualTo(users + 1);
    }

    @Test
    void aSessionCookieIsHttpOnlyStrictAndChangesNeedTheCsrfToken() {
        createUser("carol", "admin");
        long sessions = Api.count(db, "user_session");
        Api.Res r = anonymous.post("/api/v1/session", Map.of("username", "carol", "password", PASSWORD));
        r.ok(201);
        assertThat(r.header("Set-Cookie")).startsWith("ipkeeper_session=").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
        Browser b = login("carol", PASSWORD);
        assertThat(Api.count(db, "user_session")).isEqualTo(sessions + 2);
        // A form post (what another site could send without a preflight) is refused: no login CSRF.
        anonymous.send("POST", "/api/v1/session", null, Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .problem(415);
        assertThat(Api.count(db, "user_session WHERE id_hash = '" + b.cookie().split("=", 2)[1] + "'")).isZero();

        JsonNode me = anonymous.send("GET", "/api/v1/session", null, b.headers(false)).ok(200);
        assertThat(me.get("name").asText()).isEqualTo("carol");
        assertThat(me.get("role").asText()).isEqualTo("admin");
        assertThat(me.get("csrfToken").asText()).isEqualTo(b.csrf());
        assertThat(anonymous.send("GET", "/api/v1/spaces", null, b.headers(false)).status()).isEqualTo(200);

        long spaces = Api.count(db, "address_space");
        JsonNode noCsrf = anonymous.send("POST", "/api/v1/spaces", Map.of("name", "web"), b.headers(false)).problem(403);
        assertThat(noCsrf.get("detail").asText()).contains("X-CSRF-Token");
        Map<String, String> wrong = b.headers(false);
        wrong.put("X-CSRF-Token", "not-the-token");
        anonymous.send("POST", "/api/v1/spaces", Map.of("name", "web"), wrong).problem(403);
        assertThat(Api.count(db, "address_space")).isEqualTo(spaces);
        anonymous.send("POST", "/api/v1/spaces", Map.of("name", "web"), b.headers(true)).ok(201);

        // Logging out needs the CSRF token too, then the cookie is dead.
        anonymous.send("DELETE", "/api/v1/session", null, b.headers(false)).problem(403);
        Api.Res out = anonymous.send("DELETE", "/api/v1/session", null, b.headers(true));
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(anonymous.send("GET", "/api/v1/session", null, b.headers(false)).problem(401).get("detail")
                .asText()).contains("log in again");
    }

    @Test
    void expiredIdleAndDisabledSessionsAre401() {
        JsonNode dave = createUser("dave", "viewer");
        Browser idle = login("dave", PASSWORD);
        Api.execute(db, "UPDATE user_session SET last_seen_at = TIMESTAMP WITH TIME ZONE '2001-01-01 00:00:00+00'");
        anonymous.send("GET", "/api/v1/spaces", null, idle.headers(false)).problem(401);

        Browser old = login("dave", PASSWORD);
        Api.execute(db, "UPDATE user_session SET expires_at = TIMESTAMP WITH TIME ZONE '2001-01-01 00:00:00+00'");
        anonymous.send("GET", "/api/v1/spaces", null, old.headers(false)).problem(401);

        Browser live = login("dave", PASSWORD);
        assertThat(anonymous.send("GET", "/api/v1/spaces", null, live.headers(false)).status()).isEqualTo(200);
        admin.patch("/api/v1/users/" + dave.get("id").asLong(), Map.of("disabled", true), Map.of()).ok(200);
        anonymous.send("GET", "/api/v1/spaces", null, live.headers(false)).problem(401);
        JsonNode refused = anonymous.post("/api/v1/session", Map.of("username", "dave", "password", PASSWORD))
                .problem(401);
        assertThat(refused.get("detail").asText()).isEqualTo("wrong username or password");
    }

    @Test
    void wrongPasswordsAndUnknownUsersFailAlikeAndAreThrottled() {
        createUser("erin", "viewer");
        long sessions = Api.count(db, "user_session");
        String unknown = anonymous.post("/api/v1/session", Map.of("username", "nobody", "password", PASSWORD))
                .problem(401).get("detail").asText();
        String wrong = anonymous.post("/api/v1/session", Map.of("username", "erin", "password", "wrong password 1"))
                .problem(401).get("detail").asText();
        assertThat(unknown).isEqualTo(wrong);
        for (int i = 2; i <= 5; i++) {
            anonymous.post("/api/v1/session", Map.of("username", "erin", "password", "wrong password " + i)).problem(401);
        }
        // Fifth failure locks the username: even the right password is refused, with Retry-After.
        Api.Res locked = anonymous.post("/api/v1/session", Map.of("username", "erin", "password", PASSWORD));
        JsonNode p = locked.problem(429);
        long retry = Long.parseLong(locked.header("Retry-After"));
        assertThat(retry).isBetween(1L, 60L);
        assertThat(p.get("retryAfter").asLong()).isEqualTo(retry);
        assertThat(Api.count(db, "user_session")).isEqualTo(sessions);

        // The lock is in the database (every server sees it); once it has passed, the right password works and
        // clears the count.
        Api.execute(db, "UPDATE login_throttle SET locked_until = TIMESTAMP WITH TIME ZONE '2001-01-01 00:00:00+00'");
        login("erin", PASSWORD);
        assertThat(Api.count(db, "login_throttle WHERE throttle_key = 'user:erin'")).isZero();
        assertThat(Api.count(db, "login_throttle WHERE throttle_key = 'ip:127.0.0.1'")).isEqualTo(1);
    }

    @Test
    void furtherFailuresWhileLockedDoubleTheLock() {
        createUser("fred", "viewer");
        for (int i = 1; i <= 5; i++) {
            anonymous.post("/api/v1/session", Map.of("username", "fred", "password", "wrong password " + i)).problem(401);
        }
        long first = Long.parseLong(anonymous.post("/api/v1/session", Map.of("username", "fred", "password", PASSWORD))
                .problem(429).get("retryAfter").asText());
        Api.execute(db, "UPDATE login_throttle SET locked_until = TIMESTAMP WITH TIME ZONE '2001-01-01 00:00:00+00'");
        anonymous.post("/api/v1/session", Map.of("username", "fred", "password", "wrong password 6")).problem(401);
        long second = Long.parseLong(anonymous.post("/api/v1/session", Map.of("username", "fred", "password", PASSWORD))
                .problem(429).get("retryAfter").asText());
        assertThat(second).isGreaterThan(first).isLessThanOrEqualTo(120);
    }

    @Test
    void aUserChangesTheirOwnPasswordAndManagesTheirOwnTokens() {
        createUser("gina", "engineer");
        Browser b = login("gina", PASSWORD);
        anonymous.send("POST", "/api/v1/users/me/password", Map.of("currentPassword", "not it at all",
                "newPassword", "a brand new passphrase"), b.headers(true)).problem(422);
        anonymous.send("POST", "/api/v1/users/me/tokens", Map.of("name", "gina-admin", "role", "admin"),
                b.headers(true)).problem(422);
        JsonNode t = anonymous.send("POST", "/api/v1/users/me/tokens", Map.of("name", "gina-ci", "role", "service"),
                b.headers(true)).ok(201);
        String secret = t.get("token").asText();
        assertThat(t.get("ownerUserId").asLong()).isPositive();
        JsonNode mine = anonymous.send("GET", "/api/v1/users/me/tokens", null, b.headers(false)).ok(200);
        assertThat(mine.get("count").asInt()).isEqualTo(1);
        // The token knows its user: "my tokens" works with it too; others' tokens are not mine.
        Api token = anonymous.as(secret);
        assertThat(token.get("/api/v1/users/me/tokens").ok(200).get("count").asInt()).isEqualTo(1);
        token.delete("/api/v1/users/me/tokens/1").problem(404);
        assertThat(admin.get("/api/v1/session").ok(200).get("csrfToken").isNull()).isTrue();
        admin.get("/api/v1/users/me/tokens").problem(422);

        anonymous.send("POST", "/api/v1/users/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "a brand new passphrase"), b.headers(true)).ok(200);
        // A new password ends every session of the user.
        anonymous.send("GET", "/api/v1/session", null, b.headers(false)).problem(401);
        login("gina", "a brand new passphrase");

        anonymous.as(secret).delete("/api/v1/users/me/tokens/" + t.get("id").asLong()).ok(200);
        anonymous.as(secret).get("/api/v1/spaces").problem(401);
    }

    @Test
    void tokensOfADisabledUserStopAndDeletingTheUserRevokesThem() {
        JsonNode hank = createUser("hank", "engineer");
        long id = hank.get("id").asLong();
        String secret = admin.post("/api/v1/tokens", Map.of("name", "hank-cli", "role", "viewer", "user", "hank"))
                .ok(201).get("token").asText();
        admin.post("/api/v1/tokens", Map.of("name", "too-high", "role", "admin", "user", "hank")).problem(422);
        Api token = anonymous.as(secret);
        assertThat(token.get("/api/v1/spaces").status()).isEqualTo(200);
        admin.patch("/api/v1/users/" + id, Map.of("disabled", true), Map.of()).ok(200);
        assertThat(token.get("/api/v1/spaces").problem(401).get("detail").asText()).contains("disabled");
        admin.patch("/api/v1/users/" + id, Map.of("disabled", false), Map.of()).ok(200);
        assertThat(token.get("/api/v1/spaces").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/users/" + id).status()).isEqualTo(204);
        assertThat(token.get("/api/v1/spaces").problem(401).get("detail").asText()).contains("revoked");
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        long id = createUser("ivy", "admin").get("id").asLong();
        Browser b = login("ivy", PASSWORD);
        anonymous.send("PATCH", "/api/v1/users/" + id, Map.of("disabled", true), b.headers(true)).problem(422);
        anonymous.send("PATCH", "/api/v1/users/" + id, Map.of("role", "viewer"), b.headers(true)).problem(422);
        anonymous.send("DELETE", "/api/v1/users/" + id, null, b.headers(true)).problem(422);
        assertThat(admin.get("/api/v1/users/" + id).ok(200).get("role").asText()).isEqualTo("admin");
    }
}
