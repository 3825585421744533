package io.ipkeeper.testkit.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion with a timeout; the fixture's only way to call {@code ip}. */
final class Commands {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Commands() {}

    static CommandResult run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("ipk-netns-", ".out");
            err = Files.createTempFile("ipk-netns-", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new CommandResult(command, -1, Files.readString(out, StandardCharsets.UTF_8),
                        "timed out after " + TIMEOUT.toSeconds() + " s\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new CommandResult(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
