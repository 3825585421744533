package io.ipkeeper.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.Role;
import io.ipkeeper.server.auth.StoredUser;
import io.ipkeeper.server.auth.UserStore;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/users} (admin) and {@code /api/v1/users/me/password} (everyone with a user). */
public final class UserRoutes {
    private static final Set<String> PATCHABLE = Set.of("role", "disabled", "password");

    private UserRoutes() {}

    /** Body of {@code POST /api/v1/users}. */
    public record CreateUser(String username, String role, String password) {}

    /** Body of {@code POST /api/v1/users/me/password}. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    public static void register(ApiRoutes api, UserStore users) {
        api.get("/api/v1/users", Permission.MANAGE_USERS, ctx -> {
            Paging paging = Paging.of(ctx);
            ctx.json(paging.page(ctx, users.list().stream().map(StoredUser::view).toList()));
        }).summary("users", "List local users, by username").paged().returns(200, "UserPage");

        api.post("/api/v1/users", Permission.MANAGE_USERS, ctx -> {
            CreateUser b = Bodies.read(ctx, CreateUser.class);
            StoredUser u = users.create(ApiRoutes.principal(ctx).actor(), b.username(), TokenRoutes.role(b.role()),
                    b.password());
            ctx.status(201).header("Location", "/api/v1/users/" + u.id()).json(u.view());
        }).summary("users", "Create a local user (password at least 12 characters)").body("CreateUser")
                .returns(201, "User");

        api.get("/api/v1/users/{id}", Permission.MANAGE_USERS, ctx -> ctx.json(users.get(Lookups.id(ctx, "id")).view()))
                .summary("users", "Get a user").returns(200, "User");

        api.patch("/api/v1/users/{id}", Permission.MANAGE_USERS, ctx -> {
            long id = Lookups.id(ctx, "id");
            UserStore.Changes c = changes(Bodies.tree(ctx));
            notSelf(ApiRoutes.principal(ctx), id, c.role() != null && c.role() != Role.ADMIN
                    || Boolean.TRUE.equals(c.disabled()), "demote or disable");
            ctx.json(users.update(ApiRoutes.principal(ctx).actor(), id, c).view());
        }).summary("users", "Change a user's role, disable or enable it, or reset its password").body("UserPatch")
                .returns(200, "User");

        api.delete("/api/v1/users/{id}", Permission.MANAGE_USERS, ctx -> {
            long id = Lookups.id(ctx, "id");
            notSelf(ApiRoutes.principal(ctx), id, true, "delete");
            users.delete(ApiRoutes.principal(ctx).actor(), id);
            ctx.status(204);
        }).summary("users", "Delete a user: ends its sessions, deletes its grants and revokes its tokens")
                .returns(204, null);

        api.post("/api/v1/users/me/password", Permission.SELF, ctx -> {
            Principal p = ApiRoutes.principal(ctx);
            PasswordChange b = Bodies.read(ctx, PasswordChange.class);
            ctx.json(users.changeOwnPassword(p.actor(), MyTokenRoutes.userId(p), b.currentPassword(), b.newPassword())
                    .view());
        }).summary("users", "Change one's own password (the current one is required; all sessions end)")
                .body("PasswordChange").returns(200, "User");
    }

    /** An admin cannot lock themselves out by accident; another admin can do it. */
    private static void notSelf(Principal p, long id, boolean harmful, String what) {
        if (harmful && p.userId() != null && p.userId() == id) {
            throw ApiProblem.invalid("you cannot " + what + " your own user; ask another admin");
        }
    }

    private static UserStore.Changes changes(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!PATCHABLE.contains(f)) {
                throw ApiProblem.of(400, "unknown-field", "Unknown field", "the body has an unknown or unchangeable field '"
                        + f + "'; a PATCH may change disabled, password, role", Map.of());
            }
        }
        JsonNode role = body.get("role");
        JsonNode disabled = body.get("disabled");
        JsonNode password = body.get("password");
        if (role != null && !role.isTextual() || password != null && !password.isTextual()) {
            throw ApiProblem.badRequest("'role' and 'password' must be strings");
        }
        if (disabled != null && !disabled.isBoolean()) {
            throw ApiProblem.badRequest("'disabled' must be true or false");
        }
        return new UserStore.Changes(role == null ? null : TokenRoutes.role(role.asText()),
                disabled == null ? null : disabled.asBoolean(), password == null ? null : password.asText());
    }
}
