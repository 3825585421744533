package io.ipkeeper.sim;

import java.time.Duration;

/** Parses durations written like {@code 90s}, {@code 10m}, {@code 1h} or {@code 500ms}. */
public final class Durations {
    private Durations() {}

    public static Duration parse(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long v = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(v);
                case 'm' -> Duration.ofMinutes(v);
                case 'h' -> Duration.ofHours(v);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("duration '" + text + "' must look like 90s, 10m, 1h or 500ms");
        }
    }
}
