package io.ipkeeper.server.conflicts;

import java.time.Duration;
import java.util.Objects;

/**
 * How conflicts are derived from observations.
 *
 * @param window evidence older than this no longer counts: two MACs seen for one address within it are a duplicate,
 *     even if never at the same instant (the incident's VM announced itself every 15 minutes); a conflict whose
 *     evidence has aged out of it is resolved
 * @param staleAfter an allocation no covering agent has seen in use for this long is {@code stale}
 * @param observationRetention observations older than this are deleted (must be at least the window)
 * @param sweepInterval how often each server re-derives everything (reports are evaluated at once regardless)
 */
public record ConflictOptions(Duration window, Duration staleAfter, Duration observationRetention, Duration sweepInterval) {

    public ConflictOptions {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(observationRetention, "observationRetention");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the conflict window must be positive, not " + window);
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale-after must be positive, not " + staleAfter);
        }
        if (observationRetention.compareTo(window) < 0 || observationRetention.compareTo(staleAfter) < 0) {
            throw new IllegalArgumentException("observation retention (" + observationRetention
                    + ") must be at least the conflict window (" + window + ") and stale-after (" + staleAfter + ")");
        }
        if (sweepInterval.toMillis() < 100) {
            throw new IllegalArgumentException("the sweep interval must be at least 100 ms, not " + sweepInterval);
        }
    }

    /** A one-hour window, stale after 7 days unseen, observations kept 30 days, a sweep every 10 s. */
    public static ConflictOptions defaults() {
        return new ConflictOptions(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10));
    }
}
