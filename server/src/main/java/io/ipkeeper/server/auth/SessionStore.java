package io.ipkeeper.server.auth;

import io.ipkeeper.ipam.internal.Rows;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code user_session} table. The cookie carries a random 256-bit id; only its SHA-256 is stored, so a copy of
 * the database holds no usable session.
 */
public final class SessionStore {
    /** {@code last_seen_at} is written at most this often, so busy sessions do not write on every request. */
    private static final long TOUCH_SECONDS = 60;

    private final Jdbi jdbi;
    private final InstantSource clock;
    private final AuthOptions options;

    public SessionStore(Jdbi jdbi, InstantSource clock, AuthOptions options) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.options = options;
    }

    /** A new session: {@code id} goes into the cookie, {@code csrfToken} to the page. */
    public record Created(String id, String csrfToken, Instant expiresAt) {}

    /** A live session. */
    public record Active(String idHash, long userId, String csrfToken, Instant expiresAt) {}

    public Created create(long userId, String clientIp) {
        Instant now = clock.instant();
        String id = Secrets.random256();
        String csrf = Secrets.random256();
        Instant expires = now.plus(options.sessionAbsolute());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO user_session (id_hash, user_id, csrf_token, client_ip, created_at,"
                        + " last_seen_at, expires_at) VALUES (:h, :u, :c, :ip, :at, :at, :exp)")
                .bind("h", ApiTokens.hash(id)).bind("u", userId).bind("c", csrf).bind("ip", clientIp)
                .bind("at", Rows.ts(now)).bind("exp", Rows.ts(expires)).execute());
        return new Created(id, csrf, expires);
    }

    /** The session if it exists and neither its idle nor its absolute limit has passed; marks it used. */
    public Optional<Active> use(String id) {
        Instant now = clock.instant();
        String hash = ApiTokens.hash(id);
        return jdbi.withHandle(h -> {
            Optional<Row> row = h.createQuery("SELECT user_id, csrf_token, last_seen_at, expires_at FROM user_session"
                            + " WHERE id_hash = :h").bind("h", hash)
                    .map((rs, ctx) -> new Row(rs.getLong("user_id"), rs.getString("csrf_token"),
                            Rows.instant(rs, "last_seen_at"), Rows.instant(rs, "expires_at"))).findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Row r = row.get();
            if (!now.isBefore(r.expiresAt()) || !now.isBefore(r.lastSeen().plus(options.sessionIdle()))) {
                h.createUpdate("DELETE FROM user_session WHERE id_hash = :h").bind("h", hash).execute();
                return Optional.empty();
            }
            if (r.lastSeen().plusSeconds(TOUCH_SECONDS).isBefore(now)) {
                h.createUpdate("UPDATE user_session SET last_seen_at = :at WHERE id_hash = :h")
                        .bind("at", Rows.ts(now)).bind("h", hash).execute();
            }
            return Optional.of(new Active(hash, r.userId(), r.csrfToken(), r.expiresAt()));
        });
    }

    private record Row(long userId, String csrfToken, Instant lastSeen, Instant expiresAt) {}

    public void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM user_session WHERE id_hash = :h").bind("h", idHash).execute());
    }

    /** Drops sessions past their absolute limit (idle ones are dropped when next used, or here once absolute). */
    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM user_session WHERE expires_at <= :now")
                .bind("now", Rows.ts(clock.instant())).execute());
    }
}
