package io.ipkeeper.server.auth;

import java.util.List;
import java.util.Objects;

/**
 * Who is asking: produced by an {@link Authenticator}, checked against a route's {@link Permission}, and recorded as
 * the audit actor of every change.
 *
 * @param id stable identifier of the credential, e.g. {@code token:7} or {@code user:3}
 * @param name human name: the token's name or the username
 * @param grants the spaces, ranges and owners this principal acts in (enforced for {@link Role#narrowedByGrants()})
 * @param userId the user behind the credential (a session's user, an owned token's owner); null for a token without
 *     an owner
 */
public record Principal(String id, String name, Role role, List<Grant> grants, Long userId) {

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        grants = List.copyOf(grants);
    }

    public Principal(String id, String name, Role role, List<Grant> grants) {
        this(id, name, role, grants, null);
    }

    public boolean may(Permission p) {
        return role.may(p);
    }

    /** Whether a grant of this scope and value is among this principal's grants. */
    public boolean holds(String scope, String value) {
        return value != null && grants.contains(new Grant(scope, value));
    }

    /**
     * What the audit log and the idempotency keys record: id and name, so the log stays readable and two credentials
     * with the same name never share idempotency keys.
     */
    public String actor() {
        return id + ":" + name;
    }
}
