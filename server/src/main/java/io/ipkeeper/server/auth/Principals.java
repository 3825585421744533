package io.ipkeeper.server.auth;

import java.util.List;

/** Builds the {@link Principal} of a token or a user: role and grants as they are in the database right now. */
public final class Principals {
    private final UserStore users;
    private final GrantStore grants;

    public Principals(UserStore users, GrantStore grants) {
        this.users = users;
        this.grants = grants;
    }

    public Principal ofUser(StoredUser u) {
        List<Grant> g = u.role().narrowedByGrants() ? grants.ofUser(u.id()) : List.of();
        return new Principal("user:" + u.id(), u.username(), u.role(), g, u.id());
    }

    /**
     * A token belonging to a user works only while that user is enabled, and never with a role above the user's
     * current one (a demoted user's tokens are demoted with them).
     */
    public Principal ofToken(StoredToken t) {
        Role role = t.role();
        if (t.ownerUserId() != null) {
            StoredUser owner = users.get(t.ownerUserId());
            if (owner.disabled()) {
                throw new AuthenticationFailed("the API token '" + t.name() + "' belongs to user '" + owner.username()
                        + "', who is disabled");
            }
            if (!owner.role().covers(role)) {
                role = owner.role();
            }
        }
        List<Grant> g = role.narrowedByGrants() ? grants.ofToken(t.id(), t.ownerUserId()) : List.of();
        return new Principal("token:" + t.id(), t.name(), role, g, t.ownerUserId());
    }
}
