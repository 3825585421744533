package io.ipkeeper.bench.gossip.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of a node (a Go test peer or an {@code ipkeeper gossip} JVM). A restarted node is a new
 * {@code NodeProcess} under the same name. Stdout (JSON lines) and stderr (the node's log) are read by the harness and
 * every line is stamped on arrival; both are also copied to files in the run's log folder.
 */
final class NodeProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final Process process;
    private final long startedNanos;
    private final List<TimedLine> events = new ArrayList<>();
    private final List<TimedLine> logLines = new ArrayList<>();
    private volatile ProcStats lastStats;
    private volatile long killedNanos;

    private NodeProcess(String name, int port, Process process, Path logDir) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = System.nanoTime();
        String tag = name + "-" + process.pid();
        Thread.ofVirtual().name("out-" + tag).start(() -> read(process.getInputStream(), logDir.resolve(tag + ".jsonl"), true));
        Thread.ofVirtual().name("err-" + tag).start(() -> read(process.getErrorStream(), logDir.resolve(tag + ".log"), false));
    }

    /** Starts {@code command}; the node's stdin stays open (nodes run with {@code -exit-on-eof}, so they die with us). */
    static NodeProcess start(String name, int port, List<String> command, Path logDir) {
        try {
            Files.writeString(logDir.resolve(name + ".command.txt"), String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new NodeProcess(name, port, new ProcessBuilder(command).start(), logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void read(InputStream stream, Path copy, boolean stdout) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                long now = System.nanoTime();
                file.write(line);
                file.write('\n');
                TimedLine timed = new TimedLine(now, line, stdout ? parse(line) : null);
                synchronized (this) {
                    (stdout ? events : logLines).add(timed);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return JSON.createObjectNode().put("event", "raw").put("line", line);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long startedNanos() {
        return startedNanos;
    }

    /** When {@link #kill()} sent SIGKILL, or 0. */
    long killedNanos() {
        return killedNanos;
    }

    synchronized List<TimedLine> events() {
        return List.copyOf(events);
    }

    synchronized List<TimedLine> logLines() {
        return List.copyOf(logLines);
    }

    /** The latest {@code members} event, or null. */
    synchronized TimedLine latestMembers() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).kind().equals("members")) {
                return events.get(i);
            }
        }
        return null;
    }

    /** Reads CPU and RSS now; the last good reading is kept, so a killed process keeps the CPU it had used. */
    ProcStats sample() {
        ProcStats now = ProcStats.read(process.pid());
        if (now != null) {
            lastStats = now;
        }
        return now;
    }

    ProcStats lastStats() {
        return lastStats;
    }

    /**
     * {@code kill -9}: a crash, no goodbye. CPU is sampled just before, so the process's total is not lost. Returns the
     * instant the signal was sent.
     */
    long kill() {
        sample();
        killedNanos = System.nanoTime();
        process.toHandle().destroyForcibly(); // SIGKILL
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return killedNanos;
    }

    /** Kills it if it still runs (cleanup; not a measured kill). */
    void destroy() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ", port " + port + ")";
    }
}
