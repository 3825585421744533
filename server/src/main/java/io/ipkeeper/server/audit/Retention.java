package io.ipkeeper.server.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How long audit events are kept: {@code forever} (the default) or an ISO-8601 duration such as {@code P365D} or
 * {@code PT720H}. Setting {@code audit.retention}.
 */
public record Retention(Duration keep) {
    public static final Retention FOREVER = new Retention(null);

    public Retention {
        if (keep != null && (keep.isNegative() || keep.isZero())) {
            throw new IllegalArgumentException("the audit retention must be positive, or 'forever'");
        }
    }

    /** {@code forever} or an ISO-8601 duration; anything else is refused with what to write instead. */
    public static Retention parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("forever")) {
            return FOREVER;
        }
        try {
            return new Retention(Duration.parse(t.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected 'forever' or an ISO-8601 duration such as P365D or PT720H, not '"
                    + text + "'");
        }
    }

    /** Events that occurred before this instant may be deleted; empty: keep everything. */
    public Optional<Instant> cutoff(Instant now) {
        return keep == null ? Optional.empty() : Optional.of(now.minus(keep));
    }

    @Override
    public String toString() {
        return keep == null ? "forever" : keep.toString();
    }
}
