package io.ipkeeper.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a child process's output in tests: wait for the line a command announces itself with. */
public final class OutputLines {
    private OutputLines() {}

    /** Reads lines until {@code p} matches; returns its first group (null at the end of the stream or on an error). */
    public static String readUntil(BufferedReader in, Pattern p) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The first group of the first stdout line of {@code process} matching {@code p}, waiting at most {@code bound}. */
    public static String awaitMatch(Process process, Pattern p, Duration bound) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> readUntil(out, p)).get(bound.toMillis(), TimeUnit.MILLISECONDS);
    }
}
