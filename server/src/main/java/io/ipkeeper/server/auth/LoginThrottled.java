package io.ipkeeper.server.auth;

import java.time.Duration;

/** Too many failed logins for this username or client address: try again after {@link #retryAfter()}. */
public final class LoginThrottled extends RuntimeException {
    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("too many failed logins for this username or from this address; try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
