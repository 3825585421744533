package io.ipkeeper.server.api;

import io.ipkeeper.server.auth.AuthOptions;
import io.ipkeeper.server.auth.AuthenticationFailed;
import io.ipkeeper.server.auth.Grant;
import io.ipkeeper.server.auth.Login;
import io.ipkeeper.server.auth.LoginThrottled;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.SessionAuthenticator;
import io.ipkeeper.server.auth.SessionStore;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/session}: browser login (cookie + CSRF token), who-am-I, logout. The cookie is HttpOnly (scripts
 * cannot read it), SameSite=Strict (other sites cannot make the browser send it) and Secure when configured.
 */
public final class SessionRoutes {
    private SessionRoutes() {}

    /** Body of {@code POST /api/v1/session}. */
    public record LoginBody(String username, String password) {}

    public static void register(ApiRoutes api, Login login, SessionStore sessions, AuthOptions options) {
        api.open("POST", "/api/v1/session", ctx -> {
            // A JSON content type cannot be sent cross-site without a CORS preflight, so another site cannot log a
            // browser into an account of the attacker's choosing (login CSRF) with a plain form post.
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw ApiProblem.of(415, "unsupported-media-type", "Unsupported media type",
                        "log in with Content-Type: application/json", Map.of());
            }
            LoginBody b = Bodies.read(ctx, LoginBody.class);
            if (b.username() == null || b.password() == null) {
                throw ApiProblem.invalid("'username' and 'password' are required");
            }
            Login.Success s;
            try {
                s = login.login(b.username(), b.password(), ctx.ip());
            } catch (LoginThrottled e) {
                ctx.header("Retry-After", String.valueOf(seconds(e.retryAfter())));
                throw ApiProblem.of(429, "login-throttled", "Too many failed logins", e.getMessage(),
                        Map.of("retryAfter", seconds(e.retryAfter())));
            } catch (AuthenticationFailed e) {
                throw ApiProblem.of(401, "login-failed", "Login failed", e.getMessage(), Map.of());
            }
            ctx.header("Set-Cookie", cookie(s.session().id(), options.sessionAbsolute(), options.secureCookie()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user", s.user().username());
            body.put("role", s.user().role().label());
            body.put("csrfToken", s.session().csrfToken());
            body.put("expiresAt", s.session().expiresAt().toString());
            ctx.status(201).header("Cache-Control", "no-store").json(body);
        }).summary("session", "Log in with username and password: sets the session cookie, returns the CSRF token"
                + " (429 with Retry-After after repeated failures)").body("Login").returns(201, "Session");

        api.get("/api/v1/session", Permission.SELF, ctx -> ctx.header("Cache-Control", "no-store").json(whoAmI(ctx)))
                .summary("session", "Who am I: user or token, role, grants, and the session's CSRF token")
                .returns(200, "Session");

        api.delete("/api/v1/session", Permission.SELF, ctx -> {
            SessionAuthenticator.session(ctx).ifPresent(s -> sessions.delete(s.idHash()));
            ctx.header("Set-Cookie", cookie("", Duration.ZERO, options.secureCookie()));
            ctx.status(204);
        }).summary("session", "Log out: ends this session and clears the cookie (with a token: nothing to end)")
                .returns(204, null);
    }

    private static Map<String, Object> whoAmI(Context ctx) {
        Principal p = ApiRoutes.principal(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", p.id());
        m.put("name", p.name());
        m.put("kind", p.id().startsWith("user:") ? "session" : "token");
        m.put("userId", p.userId());
        m.put("role", p.role().label());
        m.put("narrowedByGrants", p.role().narrowedByGrants());
        List<Map<String, String>> grants = p.grants().stream().map(SessionRoutes::grant).toList();
        m.put("grants", grants);
        SessionStore.Active s = SessionAuthenticator.session(ctx).orElse(null);
        m.put("csrfToken", s == null ? null : s.csrfToken());
        m.put("expiresAt", s == null ? null : s.expiresAt().toString());
        return m;
    }

    private static Map<String, String> grant(Grant g) {
        return Map.of("scope", g.scope(), "value", g.value());
    }

    static String cookie(String value, Duration maxAge, boolean secure) {
        return SessionAuthenticator.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
