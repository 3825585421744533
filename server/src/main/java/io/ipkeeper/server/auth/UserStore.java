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
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code app_user} table: local users with Argon2id password hashes. Every change is audited in its own
 * transaction; a password change, disabling and deleting also end the user's sessions.
 */
public final class UserStore {
    private static final String COLUMNS = "id, username, role, disabled, created_by, created_at, password_changed_at";

    private final Jdbi jdbi;
    private final InstantSource clock;

    public UserStore(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A change to a user; null fields stay as they are. */
    public record Changes(Role role, Boolean disabled, String password) {
        public boolean isEmpty() {
            return role == null && disabled == null && password == null;
        }
    }

    public StoredUser create(String actor, String username, Role role, String password) {
        Usernames.check(username);
        if (role == null) {
            throw new InvalidRequest("a user needs a role: one of " + Role.labels());
        }
        PasswordPolicy.check(password, username);
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            if (findByName(h, username).isPresent()) {
                throw new InvalidRequest("a user named '" + username + "' already exists; choose another name");
            }
            long id = h.createUpdate("INSERT INTO app_user (username, role, password_hash, disabled, created_by,"
                            + " created_at, password_changed_at) VALUES (:u, :r, :p, FALSE, :by, :at, :at)")
                    .bind("u", username).bind("r", role.label()).bind("p", hash).bind("by", actor)
                    .bind("at", Rows.ts(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            StoredUser u = find(h, id);
            AuditLog.record(h, now, actor, "user.create", "app_user", id, null, null, u.view());
            return u;
        });
    }

    /** Ordered by username. */
    public List<StoredUser> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .map((rs, ctx) -> row(rs)).list());
    }

    public StoredUser get(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<StoredUser> findByName(String username) {
        return jdbi.withHandle(h -> findByName(h, username));
    }

    public StoredUser getByName(String username) {
        return findByName(username).orElseThrow(() -> new NotFound("user '" + username + "' does not exist"));
    }

    /** Applies {@code c}; a new password or disabling ends the user's sessions (they must log in again). */
    public StoredUser update(String actor, long id, Changes c) {
        if (c.isEmpty()) {
            throw new InvalidRequest("the change is empty; give at least one of role, disabled, password");
        }
        Instant now = clock.instant();
        String hash;
        if (c.password() != null) {
            StoredUser current = get(id);
            PasswordPolicy.check(c.password(), current.username());
            hash = Passwords.hash(c.password());
        } else {
            hash = null;
        }
        return jdbi.inTransaction(h -> {
            StoredUser before = lock(h, id);
            if (c.role() != null) {
                h.createUpdate("UPDATE app_user SET role = :r WHERE id = :id").bind("r", c.role().label()).bind("id", id)
                        .execute();
            }
            if (c.disabled() != null) {
                h.createUpdate("UPDATE app_user SET disabled = :d WHERE id = :id").bind("d", c.disabled()).bind("id", id)
                        .execute();
            }
            if (hash != null) {
                h.createUpdate("UPDATE app_user SET password_hash = :p, password_changed_at = :at WHERE id = :id")
                        .bind("p", hash).bind("at", Rows.ts(now)).bind("id", id).execute();
            }
            if (hash != null || Boolean.TRUE.equals(c.disabled())) {
                h.createUpdate("DELETE FROM user_session WHERE user_id = :id").bind("id", id).execute();
            }
            StoredUser after = find(h, id);
            String action = hash != null && c.role() == null && c.disabled() == null ? "user.password" : "user.update";
            AuditLog.record(h, now, actor, action, "app_user", id, null, before.view(), after.view());
            return after;
        });
    }

    /** A user changing their own password: the current one must be given (a stolen session alone is not enough). */
    public StoredUser changeOwnPassword(String actor, long id, String current, String next) {
        String hash = jdbi.withHandle(h -> passwordHash(h, id));
        if (current == null || !Passwords.matches(current, hash)) {
            throw new InvalidRequest("'currentPassword' is not your current password");
        }
        return update(actor, id, new Changes(null, null, next));
    }

    /** Deletes the user, their sessions and grants, and revokes the tokens they own. */
    public void delete(String actor, long id) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            StoredUser before = lock(h, id);
            h.createUpdate("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE owner_user_id = :id"
                            + " AND revoked_at IS NULL")
                    .bind("at", Rows.ts(now)).bind("by", actor).bind("id", id).execute();
            h.createUpdate("DELETE FROM app_user WHERE id = :id").bind("id", id).execute();
            AuditLog.record(h, now, actor, "user.delete", "app_user", id, null, before.view(), null);
        });
    }

    /** The user and their password hash, for {@link LocalPasswordVerifier} only. */
    record Credentials(StoredUser user, String passwordHash) {}

    Optional<Credentials> credentials(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", password_hash FROM app_user WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> new Credentials(row(rs), rs.getString("password_hash")))
                .findOne());
    }

    private static String passwordHash(Handle h, long id) {
        return h.createQuery("SELECT password_hash FROM app_user WHERE id = :id").bind("id", id).mapTo(String.class)
                .findOne().orElseThrow(() -> new NotFound("user " + id + " does not exist"));
    }

    private static Optional<StoredUser> findByName(Handle h, String username) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = :u").bind("u", username)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    static StoredUser find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().orElseThrow(() -> new NotFound("user " + id + " does not exist"));
    }

    private static StoredUser lock(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().orElseThrow(() -> new NotFound("user " + id + " does not exist"));
    }

    private static StoredUser row(ResultSet rs) throws SQLException {
        return new StoredUser(rs.getLong("id"), rs.getString("username"), Role.ofLabel(rs.getString("role")).orElseThrow(),
                rs.getBoolean("disabled"), rs.getString("created_by"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "password_changed_at"));
    }
}
