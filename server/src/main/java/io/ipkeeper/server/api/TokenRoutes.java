package io.ipkeeper.server.api;

import io.ipkeeper.server.auth.Grant;
import io.ipkeeper.server.auth.GrantStore;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Role;
import io.ipkeeper.server.auth.StoredToken;
import io.ipkeeper.server.auth.StoredUser;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.auth.TokenView;
import io.ipkeeper.server.auth.UserStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/tokens} (admin): create (the secret is in this one response only), list, revoke. A token may be given
 * an owning user and grants at creation.
 */
public final class TokenRoutes {
    private TokenRoutes() {}

    /** One grant in a token request. */
    public record GrantBody(String scope, String value) {}

    /**
     * Body of {@code POST /api/v1/tokens}. Without {@code expiresIn} the token does not expire; {@code user} makes it
     * that user's; {@code grants} are added in the same transaction.
     */
    public record CreateToken(String name, String role, String expiresIn, String user, List<GrantBody> grants) {}

    public static void register(ApiRoutes api, TokenStore tokens, UserStore users, GrantStore grants, Clock clock) {
        api.get("/api/v1/tokens", Permission.MANAGE_TOKENS, ctx -> {
            Paging paging = Paging.of(ctx);
            List<Map<String, Object>> all = tokens.list().stream().map(TokenView::of).toList();
            ctx.json(paging.page(ctx, all));
        }).summary("tokens", "List API tokens (never their secrets), newest first").paged().returns(200, "TokenPage");

        api.post("/api/v1/tokens", Permission.MANAGE_TOKENS, ctx -> {
            CreateToken b = Bodies.read(ctx, CreateToken.class);
            Role role = role(b.role());
            StoredUser owner = b.user() == null || b.user().isBlank() ? null : users.getByName(b.user().strip());
            List<Grant> g = b.grants() == null ? List.of()
                    : b.grants().stream().map(x -> new Grant(x.scope(), x.value())).toList();
            TokenStore.Created c = tokens.create(ApiRoutes.principal(ctx).actor(), b.name(), role,
                    expiresAt(clock, b.expiresIn()), owner, g, grants);
            created(ctx, c);
        }).summary("tokens", "Create an API token (optionally a user's, with grants); the response holds its secret,"
                + " shown this once").body("CreateToken").returns(201, "CreatedToken");

        api.delete("/api/v1/tokens/{id}", Permission.MANAGE_TOKENS, ctx -> {
            StoredToken t = tokens.revoke(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.json(TokenView.of(t));
        }).summary("tokens", "Revoke an API token (effective at once; the row stays for the audit log)")
                .returns(200, "Token");
    }

    static Role role(String label) {
        if (label == null) {
            throw ApiProblem.invalid("'role' is required: one of " + Role.labels());
        }
        return Role.ofLabel(label.strip()).orElseThrow(() ->
                ApiProblem.invalid("'role' must be one of " + Role.labels() + ", not '" + label + "'"));
    }

    static Instant expiresAt(Clock clock, String expiresIn) {
        if (expiresIn == null) {
            return null;
        }
        try {
            return clock.instant().plus(Duration.parse(expiresIn.strip()));
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("'expiresIn' must be an ISO-8601 duration such as \"P90D\", not '" + expiresIn + "'");
        }
    }

    /** 201 with the secret; never cached. */
    static void created(Context ctx, TokenStore.Created c) {
        Map<String, Object> view = TokenView.of(c.token());
        view.put("token", c.secret());
        ctx.status(201).header("Location", "/api/v1/tokens/" + c.token().id()).header("Cache-Control", "no-store")
                .json(view);
    }
}
