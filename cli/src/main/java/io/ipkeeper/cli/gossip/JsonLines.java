package io.ipkeeper.cli.gossip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Go peer's stdout: one JSON object per line, keys sorted (as Go's encoder writes maps), every object carrying
 * {@code event} and {@code ts} (RFC 3339 with nanoseconds, UTC). Thread-safe: lines never interleave.
 */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_INSTANT;

    private final PrintWriter out;
    private final Clock clock;

    JsonLines(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Writes one event line; {@code fields} is not modified. */
    void emit(String kind, Map<String, ?> fields) {
        Map<String, Object> line = new TreeMap<>(fields);
        line.put("event", kind);
        line.put("ts", TS.format(clock.instant().atOffset(ZoneOffset.UTC)));
        String text = format(line);
        synchronized (this) {
            out.println(text);
            out.flush();
        }
    }

    static String format(Map<String, ?> line) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event as JSON: " + e.getMessage(), e);
        }
    }
}
