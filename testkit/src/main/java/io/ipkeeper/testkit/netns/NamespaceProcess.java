package io.ipkeeper.testkit.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process running inside a namespace, its stdout and stderr collected line by line. Closing kills it; the lab kills
 * whatever is left when it closes.
 */
public final class NamespaceProcess implements AutoCloseable {

    private static final int MAX_LINES = 10_000;

    private final String description;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    NamespaceProcess(String description, Process process) {
        this.description = description;
        this.process = process;
        collect(process.getInputStream(), stdout, "stdout");
        collect(process.getErrorStream(), stderr, "stderr");
    }

    private void collect(InputStream stream, List<String> into, String which) {
        Thread.ofVirtual().name("netns-" + which + "-" + process.pid()).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (into) {
                        if (into.size() < MAX_LINES) {
                            into.add(line);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended or was killed
            }
        });
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> stdoutLines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public List<String> stderrLines() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /**
     * Waits until a stdout line matches and returns it; fails with the process's output when {@code timeout} passes
     * or the process exits first.
     */
    public String awaitLine(Predicate<String> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> hit = stdoutLines().stream().filter(matching).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            if (!process.isAlive()) {
                sleep(100); // let the collectors read the last lines
                hit = stdoutLines().stream().filter(matching).findFirst();
                if (hit.isPresent()) {
                    return hit.get();
                }
                throw new AssertionError(description + " exited with " + process.exitValue() + " before printing the expected line\n" + output());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for a line from " + description + "\n" + output());
            }
            sleep(50);
        }
    }

    /** Waits for the process to exit and returns its exit code; kills it and fails after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError(description + " did not exit within " + timeout.toSeconds() + " s\n" + output());
            }
            sleep(100);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Everything the process printed so far, for failure messages. */
    public String output() {
        return "stdout:\n  " + String.join("\n  ", stdoutLines()) + "\nstderr:\n  " + String.join("\n  ", stderrLines());
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
