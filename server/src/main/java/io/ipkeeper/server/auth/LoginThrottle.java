package io.ipkeeper.server.auth;

import io.ipkeeper.ipam.internal.Rows;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Failed logins per username and per client address, in the {@code login_throttle} table so every server sees the
 * same counts. After {@code limit} failures a key is locked for {@code lockout}; each further failure doubles the
 * lock, up to {@link AuthOptions#MAX_LOCKOUT}. Counts are forgotten after that long without a failure; a successful
 * login clears its username's count (not the address's, or one valid account would reset an attacker's budget).
 */
public final class LoginThrottle {
    private final Jdbi jdbi;
    private final InstantSource clock;
    private final AuthOptions options;

    public LoginThrottle(Jdbi jdbi, InstantSource clock, AuthOptions options) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.options = options;
    }

    public static String userKey(String username) {
        return "user:" + username;
    }

    public static String ipKey(String ip) {
        return "ip:" + ip;
    }

    /** How long until the most locked of {@code keys} may try again; empty when none is locked. */
    public Optional<Duration> lockedFor(List<String> keys) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("SELECT locked_until FROM login_throttle WHERE throttle_key IN (<k>)")
                        .bindList("k", keys).map((rs, ctx) -> Rows.instant(rs, "locked_until")).list())
                .stream().filter(t -> t != null && t.isAfter(now)).map(t -> Duration.between(now, t))
                .max(Duration::compareTo);
    }

    public void failed(String username, String ip) {
        count(userKey(username), options.maxFailuresPerUser());
        count(ipKey(ip), options.maxFailuresPerIp());
    }

    public void succeeded(String username) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :k")
                .bind("k", userKey(username)).execute());
    }

    /** Drops counts that would start over anyway (no failure for {@link AuthOptions#MAX_LOCKOUT}, not locked). */
    public int purgeStale() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM login_throttle WHERE last_failure_at < :old"
                        + " AND (locked_until IS NULL OR locked_until < :now)")
                .bind("old", Rows.ts(now.minus(AuthOptions.MAX_LOCKOUT))).bind("now", Rows.ts(now)).execute());
    }

    private void count(String key, int limit) {
        // Two servers may insert the first row of a key at once: the loser retries and then finds the row.
        for (int attempt = 0; ; attempt++) {
            try {
                jdbi.useTransaction(h -> countLocked(h, key, limit));
                return;
            } catch (RuntimeException e) {
                if (attempt > 0 || !Rows.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private void countLocked(Handle h, String key, int limit) {
        Instant now = clock.instant();
        Optional<Row> row = h.createQuery("SELECT failures, last_failure_at FROM login_throttle WHERE throttle_key = :k"
                        + " FOR UPDATE").bind("k", key)
                .map((rs, ctx) -> new Row(rs.getInt("failures"), Rows.instant(rs, "last_failure_at"))).findOne();
        boolean stale = row.isPresent() && row.get().lastFailure().plus(AuthOptions.MAX_LOCKOUT).isBefore(now);
        int failures = row.isEmpty() || stale ? 1 : row.get().failures() + 1;
        Instant lockedUntil = failures >= limit ? now.plus(lock(failures - limit)) : null;
        if (row.isEmpty()) {
            h.createUpdate("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until)"
                            + " VALUES (:k, :f, :at, :until)")
                    .bind("k", key).bind("f", failures).bind("at", Rows.ts(now)).bind("until", Rows.ts(lockedUntil))
                    .execute();
        } else {
            h.createUpdate("UPDATE login_throttle SET failures = :f, last_failure_at = :at, locked_until = :until"
                            + " WHERE throttle_key = :k")
                    .bind("k", key).bind("f", failures).bind("at", Rows.ts(now)).bind("until", Rows.ts(lockedUntil))
                    .execute();
        }
    }

    /** lockout × 2^over, capped. */
    Duration lock(int over) {
        Duration d = options.lockout();
        for (int i = 0; i < over && d.compareTo(AuthOptions.MAX_LOCKOUT) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(AuthOptions.MAX_LOCKOUT) > 0 ? AuthOptions.MAX_LOCKOUT : d;
    }

    private record Row(int failures, Instant lastFailure) {}
}
