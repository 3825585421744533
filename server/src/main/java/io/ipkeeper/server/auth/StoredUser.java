package io.ipkeeper.server.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A local user as stored, without the password hash (which never leaves {@link UserStore}). */
public record StoredUser(long id, String username, Role role, boolean disabled, String createdBy, Instant createdAt,
                         Instant passwordChangedAt) {

    /** The JSON shape of a user in the API and the audit log. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("username", username);
        m.put("role", role.label());
        m.put("disabled", disabled);
        m.put("createdBy", createdBy);
        m.put("createdAt", createdAt == null ? null : createdAt.toString());
        m.put("passwordChangedAt", passwordChangedAt == null ? null : passwordChangedAt.toString());
        return m;
    }
}
