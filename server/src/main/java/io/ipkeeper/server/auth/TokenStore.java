package io.ipkeeper.server.auth;

import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code api_token} table: create (secret returned once), list, revoke, look up by hash, bootstrap. */
public final class TokenStore {
    /** The {@code bootstrap_step} row that marks "the first admin token exists". */
    static final String BOOTSTRAP_STEP = "admin-token";
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";
    private static final int MAX_NAME = 100;
    private static final String COLUMNS = "id, name, role, token_hint, created_by, created_at, expires_at, revoked_at, revoked_by,"
            + " owner_user_id";

    private final Jdbi jdbi;
    private final InstantSource clock;

    public TokenStore(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new token and its secret; the secret is not stored and cannot be shown again. */
    public record Created(StoredToken token, String secret) {}

    public Created create(String actor, String name, Role role, Instant expiresAt) {
        return create(actor, name, role, expiresAt, null, List.of(), null);
    }

    /**
     * A token, optionally owned by a user and with grants, created in one transaction.
     *
     * @param owner the owning user, or null; the token's role must not exceed the owner's
     * @param grants (scope, value) pairs as for {@link GrantStore#add}
     * @param grantStore where the grants go (needed only when {@code grants} is not empty)
     */
    public Created create(String actor, String name, Role role, Instant expiresAt, StoredUser owner, List<Grant> grants,
                          GrantStore grantStore) {
        validateName(name);
        if (owner != null && !owner.role().covers(role)) {
            throw new InvalidRequest("a token of role " + role.label() + " may not belong to '" + owner.username()
                    + "', whose role is " + owner.role().label() + "; choose a role that " + owner.role().label()
                    + " covers");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequest("a token's expiry must be in the future");
        }
        String secret = ApiTokens.generate();
        return jdbi.inTransaction(h -> {
            if (nameTaken(h, name)) {
                throw new InvalidRequest("a token named '" + name + "' already exists; choose another name");
            }
            StoredToken t = insert(h, actor, name, role, secret, now, expiresAt, owner == null ? null : owner.id());
            AuditLog.record(h, now, actor, "token.create", "api_token", t.id(), null, null, auditView(t));
            for (Grant g : grants) {
                StoredGrant sg = grantStore.insert(h, actor, now, GrantStore.Holder.token(t.id()), g.scope(), g.value());
                AuditLog.record(h, now, actor, "grant.create", "access_grant", sg.id(), null, null, sg.view());
            }
            return new Created(t, secret);
        });
    }

    private static void validateName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || !name.strip().equals(name)) {
            throw new InvalidRequest("a token needs a name of 1 to " + MAX_NAME
                    + " characters without leading or trailing spaces, e.g. \"bosh-director-west\"");
        }
    }

    private static boolean nameTaken(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) FROM api_token WHERE name = :n").bind("n", name).mapTo(Long.class).one() > 0;
    }

    private static StoredToken insert(Handle h, String actor, String name, Role role, String secret, Instant now,
                                      Instant expiresAt, Long ownerUserId) {
        long id = h.createUpdate("INSERT INTO api_token (name, role, token_hash, token_hint, created_by, created_at, expires_at,"
                        + " owner_user_id) VALUES (:n, :r, :h, :hint, :by, :at, :exp, :owner)")
                .bind("n", name).bind("r", role.label()).bind("h", ApiTokens.hash(secret)).bind("hint", ApiTokens.hint(secret))
                .bind("by", actor).bind("at", Rows.ts(now)).bind("exp", Rows.ts(expiresAt)).bind("owner", ownerUserId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new StoredToken(id, name, role, ApiTokens.hint(secret), actor, now, expiresAt, null, null, ownerUserId);
    }

    /** Newest first. */
    public List<StoredToken> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY id DESC")
                .map((rs, ctx) -> row(rs)).list());
    }

    /** The tokens a user owns, newest first. */
    public List<StoredToken> listOwnedBy(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE owner_user_id = :u"
                        + " ORDER BY id DESC").bind("u", userId).map((rs, ctx) -> row(rs)).list());
    }

    public StoredToken getByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE name = :n").bind("n", name)
                .map((rs, ctx) -> row(rs)).findOne().orElseThrow(() -> new NotFound("token '" + name + "' does not exist")));
    }

    public StoredToken get(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static StoredToken find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().orElseThrow(() -> new NotFound("token " + id + " does not exist"));
    }

    /** Revokes a token at once (requests with it get 401 from now on). Revoking twice is harmless. */
    public StoredToken revoke(String actor, long id) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            StoredToken before = find(h, id);
            if (before.revokedAt() != null) {
                return before;
            }
            h.createUpdate("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                    .bind("at", Rows.ts(now)).bind("by", actor).bind("id", id).execute();
            StoredToken after = find(h, id);
            AuditLog.record(h, now, actor, "token.revoke", "api_token", id, null, auditView(before), auditView(after));
            return after;
        });
    }

    public Optional<StoredToken> findBySecret(String secret) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :h")
                .bind("h", ApiTokens.hash(secret)).map((rs, ctx) -> row(rs)).findOne());
    }

    /**
     * Creates the first admin token with {@code secret} unless one was ever created (by this or another server).
     * Race-free: the {@code bootstrap_step} primary key lets exactly one transaction through; the others roll back.
     *
     * @return true when this call created it
     */
    public boolean bootstrap(String secret) {
        Instant now = clock.instant();
        if (isBootstrapped()) {
            return false;
        }
        try {
            return jdbi.inTransaction(h -> {
                h.createUpdate("INSERT INTO bootstrap_step (step, done_at) VALUES (:s, :at)")
                        .bind("s", BOOTSTRAP_STEP).bind("at", Rows.ts(now)).execute();
                StoredToken t = insert(h, "system:bootstrap", BOOTSTRAP_NAME, Role.ADMIN, secret, now, null, null);
                AuditLog.record(h, now, "system:bootstrap", "token.create", "api_token", t.id(), null, null, auditView(t));
                return true;
            });
        } catch (RuntimeException e) {
            if (Rows.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    public boolean isBootstrapped() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bootstrap_step WHERE step = :s")
                .bind("s", BOOTSTRAP_STEP).mapTo(Long.class).one() > 0);
    }

    private static Map<String, Object> auditView(StoredToken t) {
        return TokenView.of(t);
    }

    private static StoredToken row(ResultSet rs) throws SQLException {
        return new StoredToken(rs.getLong("id"), rs.getString("name"), Role.ofLabel(rs.getString("role")).orElseThrow(),
                rs.getString("token_hint"), rs.getString("created_by"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"), rs.getString("revoked_by"),
                Rows.nullableLong(rs, "owner_user_id"));
    }
}
