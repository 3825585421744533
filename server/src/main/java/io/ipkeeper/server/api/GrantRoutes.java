package io.ipkeeper.server.api;

import io.ipkeeper.server.auth.GrantStore;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.StoredGrant;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.auth.UserStore;

/**
 * {@code /api/v1/grants} (admin): which spaces, ranges and owners a user or token acts in. Enforced for engineer and
 * service principals by {@link AllocationGrants}.
 */
public final class GrantRoutes {
    private GrantRoutes() {}

    /** Body of {@code POST /api/v1/grants}: exactly one of user and token (each a name or an id). */
    public record CreateGrant(String user, String token, String scope, String value) {}

    public static void register(ApiRoutes api, GrantStore grants, UserStore users, TokenStore tokens) {
        api.get("/api/v1/grants", Permission.MANAGE_GRANTS, ctx -> {
            Paging paging = Paging.of(ctx);
            String user = blank(ctx.queryParam("user"));
            String token = blank(ctx.queryParam("token"));
            GrantStore.Filter f = new GrantStore.Filter(user == null ? null : userId(users, user),
                    token == null ? null : tokenId(tokens, token), blank(ctx.queryParam("scope")));
            ctx.json(paging.page(ctx, grants.list(f).stream().map(StoredGrant::view).toList()));
        }).summary("grants", "List grants, oldest first").query("user", "username or user id")
                .query("token", "token name or id").query("scope", "space, range or owner").paged()
                .returns(200, "GrantPage");

        api.post("/api/v1/grants", Permission.MANAGE_GRANTS, ctx -> {
            CreateGrant b = Bodies.read(ctx, CreateGrant.class);
            StoredGrant g = grants.add(ApiRoutes.principal(ctx).actor(), holder(b, users, tokens), b.scope(), b.value());
            ctx.status(201).header("Location", "/api/v1/grants/" + g.id()).json(g.view());
        }).summary("grants", "Grant a user or token a space, range or owner").body("CreateGrant")
                .returns(201, "Grant");

        api.delete("/api/v1/grants/{id}", Permission.MANAGE_GRANTS, ctx -> {
            grants.remove(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.status(204);
        }).summary("grants", "Delete a grant (effective with the next request)").returns(204, null);
    }

    private static GrantStore.Holder holder(CreateGrant b, UserStore users, TokenStore tokens) {
        String user = blank(b.user());
        String token = blank(b.token());
        if ((user == null) == (token == null)) {
            throw ApiProblem.invalid("give exactly one of 'user' (username or id) and 'token' (name or id)");
        }
        return user != null ? GrantStore.Holder.user(userId(users, user)) : GrantStore.Holder.token(tokenId(tokens, token));
    }

    static long userId(UserStore users, String ref) {
        return isId(ref) ? users.get(Long.parseLong(ref)).id() : users.getByName(ref).id();
    }

    static long tokenId(TokenStore tokens, String ref) {
        return isId(ref) ? tokens.get(Long.parseLong(ref)).id() : tokens.getByName(ref).id();
    }

    private static boolean isId(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
