package io.ipkeeper.cli.gossip;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration} format ({@code 5s}, {@code 100ms}, {@code 1m30s}, {@code 0}), as the Go peer's flags take. */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** Parses {@code text}; throws IllegalArgumentException with Go's wording on anything else. */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty() || s.startsWith("-")) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\" (want e.g. 5s, 100ms, 1m30s; not negative)");
        }
        Matcher m = PART.matcher(s.startsWith("+") ? s.substring(1) : s);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos += Math.round(Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
            end = m.end();
        }
        if (end == 0 || end != m.regionEnd()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\" (want e.g. 5s, 100ms, 1m30s)");
        }
        return Duration.ofNanos(nanos);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
