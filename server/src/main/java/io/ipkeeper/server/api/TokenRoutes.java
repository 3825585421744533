package io.ipkeeper.server.api;

import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Role;
import io.ipkeeper.server.auth.StoredToken;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.auth.TokenView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/tokens} (admin): create (the secret is in this one response only), list, revoke. */
public final class TokenRoutes {
    private TokenRoutes() {}

    /** Body of {@code POST /api/v1/tokens}. Without {@code expiresIn} the token does not expire. */
    public record CreateToken(String name, String role, String expiresIn) {}

    public static void register(ApiRoutes api, TokenStore tokens, Clock clock) {
        api.get("/api/v1/tokens", Permission.MANAGE_TOKENS, ctx -> {
            Paging paging = Paging.of(ctx);
            List<Map<String, Object>> all = tokens.list().stream().map(TokenView::of).toList();
            ctx.json(paging.page(ctx, all));
        }).summary("tokens", "List API tokens (never their secrets), newest first").paged().returns(200, "TokenPage");

        api.post("/api/v1/tokens", Permission.MANAGE_TOKENS, ctx -> {
            CreateToken b = Bodies.read(ctx, CreateToken.class);
            if (b.role() == null) {
                throw ApiProblem.invalid("'role' is required: one of " + Role.labels());
            }
            Role role = Role.ofLabel(b.role().strip()).orElseThrow(() ->
                    ApiProblem.invalid("'role' must be one of " + Role.labels() + ", not '" + b.role() + "'"));
            Instant expiresAt = null;
            if (b.expiresIn() != null) {
                try {
                    expiresAt = clock.instant().plus(Duration.parse(b.expiresIn().strip()));
                } catch (DateTimeParseException e) {
                    throw ApiProblem.invalid("'expiresIn' must be an ISO-8601 duration such as \"P90D\", not '"
                            + b.expiresIn() + "'");
                }
            }
            TokenStore.Created c = tokens.create(ApiRoutes.principal(ctx).actor(), b.name(), role, expiresAt);
            Map<String, Object> view = TokenView.of(c.token());
            view.put("token", c.secret());
            ctx.status(201).header("Location", "/api/v1/tokens/" + c.token().id()).header("Cache-Control", "no-store")
                    .json(view);
        }).summary("tokens", "Create an API token; the response holds its secret, shown this once").body("CreateToken")
                .returns(201, "CreatedToken");

        api.delete("/api/v1/tokens/{id}", Permission.MANAGE_TOKENS, ctx -> {
            StoredToken t = tokens.revoke(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.json(TokenView.of(t));
        }).summary("tokens", "Revoke an API token (effective at once; the row stays for the audit log)")
                .returns(200, "Token");
    }
}
