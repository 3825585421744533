package io.ipkeeper.server.auth;

import java.time.Instant;

/** An API token as stored: everything but the secret, which exists only in the creator's hands. */
public record StoredToken(long id, String name, Role role, String hint, String createdBy, Instant createdAt,
                          Instant expiresAt, Instant revokedAt, String revokedBy) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Principal principal() {
        return new Principal("token:" + id, name, role, java.util.List.of());
    }
}
