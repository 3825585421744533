package io.ipkeeper.server.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grant as stored. Exactly one of {@code userId}/{@code tokenId} is set; {@code value} is the space id, range id
 * or owner name, as in {@link Grant}.
 */
public record StoredGrant(long id, Long userId, String username, Long tokenId, String tokenName, String scope,
                          String value, String createdBy, Instant createdAt) {

    public Grant grant() {
        return new Grant(scope, value);
    }

    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("user", username);
        m.put("userId", userId);
        m.put("token", tokenName);
        m.put("tokenId", tokenId);
        m.put("scope", scope);
        m.put("value", value);
        m.put("createdBy", createdBy);
        m.put("createdAt", createdAt == null ? null : createdAt.toString());
        return m;
    }
}
