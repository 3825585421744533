package io.ipkeeper.server.auth;

import java.time.Instant;

/**
 * An API token as stored: everything but the secret, which exists only in the creator's hands.
 *
 * @param ownerUserId the user the token belongs to (it stops working when that user is disabled); null for tokens
 *     that belong to no user (services, the bootstrap token)
 */
public record StoredToken(long id, String name, Role role, String hint, String createdBy, Instant createdAt,
                          Instant expiresAt, Instant revokedAt, String revokedBy, Long ownerUserId) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
