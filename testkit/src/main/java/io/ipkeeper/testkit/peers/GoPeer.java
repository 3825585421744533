package io.ipkeeper.testkit.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One running Go memberlist test peer ({@code testpeer}, see {@link GoToolchain}) on 127.0.0.1.
 *
 * <p>Its JSON-lines events are collected as they arrive ({@link #events()}, {@link #awaitEvent}); stdin commands are
 * sent with {@link #sendCommand} and answered by an {@code ack} or {@code error} event. Its stderr (memberlist's log)
 * and raw stdout go to files in {@link #logDir()}, and every assertion message carries their tails.
 *
 * <pre>{@code
 * try (GoPeer a = GoPeer.builder("go-a").start();
 *      GoPeer b = GoPeer.builder("go-b").join(a).start()) {
 *     a.awaitAlive(List.of("go-a", "go-b"), Duration.ofSeconds(20));
 *     b.kill();
 *     a.awaitEvent("leave", e -> e.path("node").asText().equals("go-b"), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class GoPeer implements AutoCloseable {

    /** Long enough for anything on a loaded 2-core machine; tests never assert on how fast. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logDir;
    private final List<JsonNode> events = new ArrayList<>();
    private final Writer stdin;
    private final Object commandLock = new Object();
    private boolean stdoutClosed;

    private GoPeer(String name, int port, Process process, Path logDir) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logDir = logDir;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("gopeer-" + name).start(this::readEvents);
    }

    /** Options for a peer called {@code name}; every option defaults as in the reference peer, on a fresh port. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as other peers join it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logDir() {
        return logDir;
    }

    // ------------------------------------------------------------------ events

    /** Every event so far, in order. */
    public synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Events of one kind ({@code "join"}, {@code "leave"}, …) so far. */
    public List<JsonNode> events(String kind) {
        return events().stream().filter(isKind(kind)).toList();
    }

    /** The first event so far, or later, that matches; fails with diagnostics after {@code timeout} or if the peer exits. */
    public JsonNode awaitEvent(Predicate<JsonNode> matcher, Duration timeout) {
        return awaitEventFrom(0, "an event matching " + matcher, matcher, timeout);
    }

    /** The first event of {@code kind} that matches {@code matcher}, as {@link #awaitEvent(Predicate, Duration)}. */
    public JsonNode awaitEvent(String kind, Predicate<JsonNode> matcher, Duration timeout) {
        return awaitEventFrom(0, "a \"" + kind + "\" event", isKind(kind).and(matcher), timeout);
    }

    /** Matches events of one kind. */
    public static Predicate<JsonNode> isKind(String kind) {
        return e -> kind.equals(e.path("event").asText());
    }

    /** Matches events about one node (field {@code node}). */
    public static Predicate<JsonNode> aboutNode(String node) {
        return e -> node.equals(e.path("node").asText());
    }

    private synchronized JsonNode awaitEventFrom(int from, String what, Predicate<JsonNode> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        while (true) {
            for (; next < events.size(); next++) {
                if (matcher.test(events.get(next))) {
                    return events.get(next);
                }
            }
            long left = deadline - System.nanoTime();
            if (stdoutClosed || left <= 0) {
                throw new AssertionError((stdoutClosed ? "peer exited" : "timed out after " + timeout.toSeconds() + " s")
                        + " while waiting for " + what + "\n" + diagnostics());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void readEvents() {
        Path raw = logDir.resolve("stdout.jsonl");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer copy = Files.newBufferedWriter(raw, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                copy.write(line);
                copy.write('\n');
                copy.flush();
                JsonNode event = parse(line);
                synchronized (this) {
                    events.add(event);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The pipe broke because the process is gone; waiters learn it from stdoutClosed.
        } finally {
            synchronized (this) {
                stdoutClosed = true;
                notifyAll();
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            ObjectNode rawLine = JsonNodeFactory.instance.objectNode();
            rawLine.put("event", "raw");
            rawLine.put("line", line);
            return rawLine;
        }
    }

    // ------------------------------------------------------------------ commands

    /**
     * Sends one stdin command and returns its reply, an {@code ack} or an {@code error} event (whose {@code err} says
     * why). Commands are answered in order, one at a time.
     */
    public JsonNode sendCommand(String line) {
        String command = line.strip();
        synchronized (commandLock) {
            int from;
            synchronized (this) {
                from = events.size();
            }
            try {
                stdin.write(command);
                stdin.write('\n');
                stdin.flush();
            } catch (IOException e) {
                throw new AssertionError("cannot send \"" + command + "\" to " + name + ": " + e + "\n" + diagnostics());
            }
            Predicate<JsonNode> reply = e -> command.equals(e.path("cmd").asText())
                    && (isKind("ack").test(e) || isKind("error").test(e));
            return awaitEventFrom(from, "the reply to \"" + command + "\"", reply, DEFAULT_TIMEOUT);
        }
    }

    /** Sends a command that must succeed, and returns its {@code ack}. */
    public JsonNode command(String line) {
        JsonNode reply = sendCommand(line);
        if (!isKind("ack").test(reply)) {
            throw new AssertionError(name + " refused \"" + line + "\": " + reply.path("err").asText() + "\n" + diagnostics());
        }
        return reply;
    }

    public void keyInstall(String base64Key) {
        command("key install " + base64Key);
    }

    public void keyUse(String base64Key) {
        command("key use " + base64Key);
    }

    public void keyRemove(String base64Key) {
        command("key remove " + base64Key);
    }

    /** The keyring, primary key first. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        command("key list").path("keys").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    /** Gossips a Serf user event (needs {@link Builder#serf()}); returns its Lamport time. */
    public long event(String eventName, String payload) {
        return command("event " + eventName + " " + payload).path("ltime").asLong();
    }

    /** Sends a user message to {@code node} over TCP (memberlist SendReliable). */
    public void send(String node, String text) {
        command("send " + node + " " + text);
    }

    /** Graceful leave (with -serf, a Serf leave intent first); the process keeps running until {@link #stop()}. */
    public void leave() {
        command("leave");
    }

    /** The peer's member list now (memberlist's live members: alive and suspect), sorted by name. */
    public List<Member> members() {
        synchronized (commandLock) {
            JsonNode ack = command("members");
            synchronized (this) {
                // The peer prints the members event just before the ack: search back from the ack itself.
                int ackIndex = events.size() - 1;
                while (ackIndex >= 0 && events.get(ackIndex) != ack) {
                    ackIndex--;
                }
                for (int i = ackIndex; i >= 0; i--) {
                    if (isKind("members").test(events.get(i))) {
                        return Member.listFrom(events.get(i));
                    }
                }
            }
            throw new AssertionError("no members event before the ack of \"members\"\n" + diagnostics());
        }
    }

    /** Waits until this peer's member list satisfies {@code condition}, and returns that list. */
    public List<Member> awaitMembers(String what, Predicate<List<Member>> condition, Duration timeout) {
        return Poll.until(name + " to see " + what, timeout, () -> {
            List<Member> now = members();
            return condition.test(now) ? Optional.of(now) : Optional.empty();
        }, this::diagnostics);
    }

    /** Waits until this peer sees exactly {@code names} as its members, all alive. */
    public List<Member> awaitAlive(Collection<String> names, Duration timeout) {
        List<String> expected = names.stream().sorted().toList();
        return awaitMembers(expected + " alive", ms -> ms.stream().map(Member::name).toList().equals(expected)
                && ms.stream().allMatch(Member::alive), timeout);
    }

    // ------------------------------------------------------------------ stopping

    /** SIGKILL: the peer vanishes without a word, as in a crash. */
    public void kill() {
        Processes.killAndWait(process);
    }

    /**
     * SIGTERM: a graceful leave, then exit. Waits for the process to end and returns its exit code (0 when graceful);
     * fails if it never printed {@code stopped}.
     */
    public int stop() {
        if (process.isAlive()) {
            // SIGTERM through the handle: Process.destroy() would also close our end of the peer's stdout, and the
            // peer would die of SIGPIPE printing its last events.
            process.toHandle().destroy();
            try {
                if (!process.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    Processes.killAndWait(process);
                    throw new AssertionError(name + " did not exit within " + DEFAULT_TIMEOUT.toSeconds()
                            + " s of SIGTERM; killed it\n" + diagnostics());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Processes.killAndWait(process);
                throw new IllegalStateException("interrupted", e);
            }
        }
        Processes.forget(process);
        awaitEvent("stopped", e -> true, Duration.ofSeconds(5));
        return process.exitValue();
    }

    /** Kills the peer if it still runs; safe to call more than once. */
    @Override
    public void close() {
        if (process.isAlive()) {
            Processes.killAndWait(process);
        }
        Processes.forget(process);
    }

    /**
     * The peer's stderr so far: memberlist's log, e.g. to check that a node was never "Marking X as failed" or that a
     * packet failed to decrypt.
     */
    public String stderr() {
        try {
            return Files.readString(logDir.resolve("stderr.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What went on: the peer's last events and the tail of its stderr (memberlist's log). */
    public String diagnostics() {
        List<JsonNode> all;
        synchronized (this) {
            all = List.copyOf(events);
        }
        String lastEvents = all.subList(Math.max(0, all.size() - 25), all.size()).stream()
                .map(JsonNode::toString)
                .collect(Collectors.joining("\n  "));
        return "--- Go peer " + name + " (pid " + process.pid() + ", " + (process.isAlive() ? "running" : "exited "
                + process.exitValue()) + "), logs in " + logDir + "\n--- last events:\n  " + lastEvents
                + "\n--- stderr tail:\n" + Processes.tail(logDir.resolve("stderr.log"), 4000);
    }

    @Override
    public String toString() {
        return "GoPeer[" + name + " @ " + address() + "]";
    }

    // ------------------------------------------------------------------ types

    /** One entry of a {@code members} event. */
    public record Member(String name, String addr, int port, String state, String metaHex) {

        public boolean alive() {
            return "alive".equals(state);
        }

        static List<Member> listFrom(JsonNode membersEvent) {
            List<Member> list = new ArrayList<>();
            membersEvent.path("members").forEach(m -> list.add(new Member(m.path("node").asText(),
                    m.path("addr").asText(), m.path("port").asInt(), m.path("state").asText(), m.path("meta_hex").asText())));
            return List.copyOf(list);
        }
    }

    /** How to start a peer; mirrors the test peer's flags. */
    public static final class Builder {
        private final String name;
        private int port;
        private final List<String> join = new ArrayList<>();
        private String profile = "local";
        private boolean serf;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String meta;
        private String key;
        private boolean noCompress;
        private Duration membersEvery = Duration.ZERO;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** The UDP+TCP port; default: a fresh one from {@link FreePorts}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Peers to join at start, as {@code host:port}. */
        public Builder join(String... addresses) {
            join.addAll(Arrays.asList(addresses));
            return this;
        }

        public Builder join(GoPeer... peers) {
            Arrays.stream(peers).map(GoPeer::address).forEach(join::add);
            return this;
        }

        public Builder join(SerfAgent... agents) {
            Arrays.stream(agents).map(SerfAgent::address).forEach(join::add);
            return this;
        }

        /** {@code local} (default), {@code lan} or {@code wan}. */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** Act as a Serf member: Serf's delegate versions, join/leave intents, user events. */
        public Builder serf() {
            this.serf = true;
            return this;
        }

        /** A Serf-style tag in the node meta. */
        public Builder tag(String tagName, String value) {
            tags.put(tagName, value);
            return this;
        }

        /** Raw node meta text (ignored when tags are set). */
        public Builder meta(String meta) {
            this.meta = meta;
            return this;
        }

        /** Base64 AES key (16, 24 or 32 bytes) as the primary key. */
        public Builder key(String base64Key) {
            this.key = base64Key;
            return this;
        }

        public Builder noCompress() {
            this.noCompress = true;
            return this;
        }

        /** Print a {@code members} event this often; default never (use {@link GoPeer#members()}). */
        public Builder membersEvery(Duration every) {
            this.membersEvery = every;
            return this;
        }

        /** More command-line arguments, passed as given. */
        public Builder extraArgs(String... args) {
            extraArgs.addAll(Arrays.asList(args));
            return this;
        }

        /** The command line after the binary. */
        List<String> arguments(int actualPort) {
            List<String> args = new ArrayList<>(List.of("-name", name, "-bind", "127.0.0.1", "-port",
                    Integer.toString(actualPort), "-profile", profile, "-members-every", membersEvery.toMillis() + "ms",
                    "-exit-on-eof"));
            if (!join.isEmpty()) {
                args.addAll(List.of("-join", String.join(",", join)));
            }
            if (serf) {
                args.add("-serf");
            }
            if (!tags.isEmpty()) {
                args.addAll(List.of("-tags", tags.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(","))));
            }
            if (meta != null) {
                args.addAll(List.of("-meta", meta));
            }
            if (key != null) {
                args.addAll(List.of("-key", key));
            }
            if (noCompress) {
                args.add("-no-compress");
            }
            args.addAll(extraArgs);
            return args;
        }

        /**
         * Builds the peer if needed, starts it and waits for its {@code started} event and, when it joins, its
         * {@code joined} event (which may report a failed join: check {@code contacted} and {@code err}).
         */
        public GoPeer start() {
            Path binary = GoToolchain.testPeerBinary();
            int actualPort = port > 0 ? port : FreePorts.allocate();
            Path logDir = Processes.newLogDir(name);
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            command.addAll(arguments(actualPort));
            Process process;
            try {
                Files.writeString(logDir.resolve("command.txt"), String.join(" ", command) + "\n");
                process = new ProcessBuilder(command)
                        .redirectError(logDir.resolve("stderr.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
            Processes.track(process);
            GoPeer peer = new GoPeer(name, actualPort, process, logDir);
            try {
                peer.awaitEvent("started", e -> true, DEFAULT_TIMEOUT);
                if (!join.isEmpty()) {
                    peer.awaitEvent("joined", e -> true, DEFAULT_TIMEOUT);
                }
            } catch (RuntimeException | AssertionError e) {
                peer.close();
                throw e;
            }
            return peer;
        }
    }
}
