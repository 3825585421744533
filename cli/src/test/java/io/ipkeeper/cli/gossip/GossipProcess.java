package io.ipkeeper.cli.gossip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code ipkeeper gossip …} as a real process ({@code java -cp <test classpath> io.ipkeeper.cli.Main gossip …}),
 * driven like the Go peer fixture ({@code io.ipkeeper.testkit.peers.GoPeer}): JSON-lines events collected as they
 * arrive, stdin commands answered by {@code ack}/{@code error}, SIGTERM for a graceful stop. Stderr goes to a file.
 */
final class GossipProcess implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Path stderr;
    private final Writer stdin;
    private final List<JsonNode> events = new ArrayList<>();
    private boolean stdoutClosed;

    private GossipProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().name("ipkeeper-gossip-" + name).start(this::readEvents);
    }

    /** Starts {@code ipkeeper gossip ARGS}; {@code logDir} receives its stderr. */
    static GossipProcess start(String name, Path logDir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.ipkeeper.cli.Main", "gossip"));
        cmd.addAll(args);
        Path err = logDir.resolve(name + ".stderr.log");
        try {
            return new GossipProcess(name, new ProcessBuilder(cmd).redirectError(err.toFile()).start(), err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode event;
                try {
                    event = JSON.readTree(line);
                } catch (IOException e) {
                    event = JSON.createObjectNode().put("event", "raw").put("line", line);
                }
                synchronized (this) {
                    events.add(event);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; waiters learn it from stdoutClosed
        } finally {
            synchronized (this) {
                stdoutClosed = true;
                notifyAll();
            }
        }
    }

    synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    List<JsonNode> events(String kind) {
        return events().stream().filter(e -> kind.equals(e.path("event").asText())).toList();
    }

    /** The first event (so far or later) of {@code kind} matching {@code matcher}. */
    JsonNode awaitEvent(String kind, Predicate<JsonNode> matcher) {
        return awaitFrom(0, kind, matcher);
    }

    private synchronized JsonNode awaitFrom(int from, String kind, Predicate<JsonNode> matcher) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int next = from; ; ) {
            for (; next < events.size(); next++) {
                JsonNode e = events.get(next);
                if (kind.equals(e.path("event").asText()) && matcher.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (stdoutClosed || left <= 0) {
                throw new AssertionError((stdoutClosed ? "process exited" : "timed out") + " waiting for a \"" + kind
                        + "\" event\n" + diagnostics());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Sends a command that must succeed, and returns its {@code ack}. */
    JsonNode command(String line) {
        JsonNode reply = reply(line);
        if (!reply.path("event").asText().equals("ack")) {
            throw new AssertionError(name + " refused \"" + line + "\": " + reply + "\n" + diagnostics());
        }
        return reply;
    }

    /** Sends one stdin line and returns its reply, an {@code ack} or an {@code error}. */
    JsonNode reply(String line) {
        int from;
        synchronized (this) {
            from = events.size();
            try {
                stdin.write(line + "\n");
                stdin.flush();
            } catch (IOException e) {
                throw new AssertionError("cannot write to " + name + ": " + e);
            }
        }
        return awaitFromAnyOf(from, line);
    }

    private synchronized JsonNode awaitFromAnyOf(int from, String line) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int next = from; ; ) {
            for (; next < events.size(); next++) {
                JsonNode e = events.get(next);
                String kind = e.path("event").asText();
                if ((kind.equals("ack") || kind.equals("error")) && line.equals(e.path("cmd").asText())) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (stdoutClosed || left <= 0) {
                throw new AssertionError("no reply to \"" + line + "\"\n" + diagnostics());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit after SIGTERM\n" + diagnostics());
        }
        awaitEvent("stopped", e -> true);
        return process.exitValue();
    }

    String diagnostics() {
        String last = events().stream().skip(Math.max(0, events().size() - 25)).map(JsonNode::toString)
                .collect(Collectors.joining("\n  "));
        String err;
        try {
            err = Files.readString(stderr);
        } catch (IOException e) {
            err = "(no stderr: " + e + ")";
        }
        return "--- ipkeeper gossip " + name + " last events:\n  " + last + "\n--- stderr tail:\n"
                + err.substring(Math.max(0, err.length() - 3000));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
