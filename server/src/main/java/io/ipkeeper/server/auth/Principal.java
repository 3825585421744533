package io.ipkeeper.server.auth;

import java.util.List;
import java.util.Objects;

/**
 * Who is asking: produced by an {@link Authenticator}, checked against a route's {@link Permission}, and recorded as
 * the audit actor of every change.
 *
 * @param id stable identifier of the credential, e.g. {@code token:7} (later {@code user:3}, {@code oidc:sub})
 * @param name human name, e.g. the token's name
 * @param grants scopes (not enforced yet; empty for API tokens today)
 */
public record Principal(String id, String name, Role role, List<Grant> grants) {

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        grants = List.copyOf(grants);
    }

    public boolean may(Permission p) {
        return role.may(p);
    }

    /**
     * What the audit log and the idempotency keys record: id and name, so the log stays readable and two credentials
     * with the same name never share idempotency keys.
     */
    public String actor() {
        return id + ":" + name;
    }
}
