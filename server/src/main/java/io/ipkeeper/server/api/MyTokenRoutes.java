package io.ipkeeper.server.api;

import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.StoredToken;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.auth.TokenView;
import io.ipkeeper.server.auth.UserStore;
import java.time.Clock;
import java.util.List;

/**
 * {@code /api/v1/users/me/tokens}: a user's own tokens ("my tokens" in the UI). Any role may create them, with a
 * role its own covers; they act with the user's grants and stop working when the user is disabled or deleted.
 */
public final class MyTokenRoutes {
    private MyTokenRoutes() {}

    /** Body of {@code POST /api/v1/users/me/tokens}. */
    public record CreateOwnToken(String name, String role, String expiresIn) {}

    public static void register(ApiRoutes api, TokenStore tokens, UserStore users, Clock clock) {
        api.get("/api/v1/users/me/tokens", Permission.SELF, ctx -> {
            Paging paging = Paging.of(ctx);
            long me = userId(ApiRoutes.principal(ctx));
            ctx.json(paging.page(ctx, tokens.listOwnedBy(me).stream().map(TokenView::of).toList()));
        }).summary("tokens", "List one's own API tokens, newest first").paged().returns(200, "TokenPage");

        api.post("/api/v1/users/me/tokens", Permission.SELF, ctx -> {
            Principal p = ApiRoutes.principal(ctx);
            CreateOwnToken b = Bodies.read(ctx, CreateOwnToken.class);
            TokenStore.Created c = tokens.create(p.actor(), b.name(), TokenRoutes.role(b.role()),
                    TokenRoutes.expiresAt(clock, b.expiresIn()), users.get(userId(p)), List.of(), null);
            TokenRoutes.created(ctx, c);
        }).summary("tokens", "Create one's own API token (role at most one's own); its secret is shown this once")
                .body("CreateToken").returns(201, "CreatedToken");

        api.delete("/api/v1/users/me/tokens/{id}", Permission.SELF, ctx -> {
            Principal p = ApiRoutes.principal(ctx);
            long id = Lookups.id(ctx, "id");
            StoredToken t = tokens.get(id);
            if (t.ownerUserId() == null || t.ownerUserId() != userId(p)) {
                throw ApiProblem.notFound("you own no token " + id);
            }
            ctx.json(TokenView.of(tokens.revoke(p.actor(), id)));
        }).summary("tokens", "Revoke one's own API token").returns(200, "Token");
    }

    /** The user behind the request; a token that belongs to nobody has no "me". */
    static long userId(Principal p) {
        if (p.userId() == null) {
            throw ApiProblem.invalid("'" + p.name() + "' is an API token that belongs to no user; this needs a user"
                    + " (log in, or use a token created by a user)");
        }
        return p.userId();
    }
}
