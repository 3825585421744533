package io.ipkeeper.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Browser sessions and login throttling (settings {@code session.*} and {@code login.*}, docs/configuration.md).
 *
 * @param sessionIdle a session unused this long ends (default 1 h)
 * @param sessionAbsolute a session ends this long after login however busy it is (default 12 h)
 * @param secureCookie mark the session cookie {@code Secure} (browsers then send it over HTTPS only); set when the
 *     server or the proxy in front of it serves TLS
 * @param maxFailuresPerUser failed logins for one username before it is locked for {@code lockout} (default 5)
 * @param maxFailuresPerIp failed logins from one client address before it is locked (default 20: several people may
 *     share a NAT address)
 * @param lockout the first lock; each further failure while over the limit doubles it, up to {@link #MAX_LOCKOUT}
 */
public record AuthOptions(Duration sessionIdle, Duration sessionAbsolute, boolean secureCookie, int maxFailuresPerUser,
                          int maxFailuresPerIp, Duration lockout) {
    /** The longest a lock lasts; failure counts are also forgotten after this long without a failure. */
    public static final Duration MAX_LOCKOUT = Duration.ofHours(1);

    public AuthOptions {
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(sessionAbsolute, "sessionAbsolute");
        Objects.requireNonNull(lockout, "lockout");
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionAbsolute.isNegative() || sessionAbsolute.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
        if (maxFailuresPerUser < 1 || maxFailuresPerIp < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive");
        }
    }

    public static AuthOptions defaults() {
        return new AuthOptions(Duration.ofHours(1), Duration.ofHours(12), false, 5, 20, Duration.ofMinutes(1));
    }
}
