package io.ipkeeper.server.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are delivered.
 *
 * @param pollInterval how often a server looks for due deliveries when nothing woke it (changes on this server wake
 *     it at once; the poll finds work other servers queued and retries that came due)
 * @param batchSize most deliveries one server claims at once
 * @param retryInitial delay before the first retry; each further retry waits twice as long ...
 * @param retryMax ... up to this
 * @param requestTimeout how long a receiver may take to answer
 * @param lease how long a claimed delivery stays invisible to other servers; a server that dies mid-send leaves the
 *     delivery to be sent again after it (must exceed {@code requestTimeout})
 */
public record WebhookOptions(Duration pollInterval, int batchSize, Duration retryInitial, Duration retryMax,
                             Duration requestTimeout, Duration lease) {

    public WebhookOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("need 0 < retryInitial <= retryMax");
        }
        if (lease.compareTo(requestTimeout.plusSeconds(5)) < 0) {
            throw new IllegalArgumentException("the lease must exceed the request timeout by at least 5 s");
        }
    }

    public static WebhookOptions defaults() {
        return new WebhookOptions(Duration.ofSeconds(1), 32, Duration.ofSeconds(5), Duration.ofMinutes(10),
                Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public WebhookOptions withRetry(Duration initial, Duration max) {
        return new WebhookOptions(pollInterval, batchSize, initial, max, requestTimeout, lease);
    }

    public WebhookOptions withPollInterval(Duration d) {
        return new WebhookOptions(d, batchSize, retryInitial, retryMax, requestTimeout, lease);
    }

    /** The wait after the {@code attempts}-th failed attempt: retryInitial, doubled per attempt, capped at retryMax. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = retryInitial.multipliedBy(1L << doublings);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
