package io.ipkeeper.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a token (never its secret or hash). */
public final class TokenView {
    private TokenView() {}

    public static Map<String, Object> of(StoredToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("role", t.role().label());
        m.put("hint", t.hint());
        m.put("createdBy", t.createdBy());
        m.put("createdAt", t.createdAt() == null ? null : t.createdAt().toString());
        m.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        m.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        m.put("revokedBy", t.revokedBy());
        m.put("ownerUserId", t.ownerUserId());
        return m;
    }
}
