package io.ipkeeper.testkit.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One running Serf agent ({@code serf agent}, Debian's Serf 0.9.4) on 127.0.0.1, driven through the {@code serf} CLI.
 *
 * <p>Every event the agent raises (member joins, leaves, failures, user events) is appended by an event-handler script
 * to {@code events.tsv} in {@link #logDir()} and read back by {@link #events()}; the agent's own log is
 * {@code agent.log} there.
 *
 * <pre>{@code
 * try (SerfAgent serf = SerfAgent.builder("serf1").tag("role", "web").start();
 *      GoPeer go = GoPeer.builder("go-1").serf().tag("role", "x").join(serf).start()) {
 *     serf.awaitMember("go-1", m -> m.alive() && m.tags().equals(Map.of("role", "x")), Duration.ofSeconds(20));
 *     go.event("deploy", "v1");
 *     serf.awaitUserEvent("deploy", Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class SerfAgent implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = GoPeer.DEFAULT_TIMEOUT;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOW_TO_GET = "Install it with: apt-get install -y serf (Debian's Serf 0.9.4).";

    private final String node;
    private final int bindPort;
    private final int rpcPort;
    private final Path serf;
    private final Process process;
    private final Process watchdog;
    private final Path logDir;

    private SerfAgent(String node, int bindPort, int rpcPort, Path serf, Process process, Path logDir) {
        this.node = node;
        this.bindPort = bindPort;
        this.rpcPort = rpcPort;
        this.serf = serf;
        this.process = process;
        this.watchdog = Processes.watchdog(process);
        this.logDir = logDir;
    }

    public static Builder builder(String node) {
        return new Builder(node);
    }

    /** The {@code serf} command: on PATH, or where Debian puts it. */
    public static Optional<Path> findSerf() {
        return Processes.findExecutable("serf", "/usr/bin/serf");
    }

    public String node() {
        return node;
    }

    public int bindPort() {
        return bindPort;
    }

    public int rpcPort() {
        return rpcPort;
    }

    /** {@code 127.0.0.1:bindPort}, as peers join it. */
    public String address() {
        return "127.0.0.1:" + bindPort;
    }

    public String rpcAddress() {
        return "127.0.0.1:" + rpcPort;
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

    // ------------------------------------------------------------------ CLI

    /** Runs {@code serf SUBCOMMAND -rpc-addr=… ARGS…} against this agent and returns its output; fails on a non-zero exit. */
    public String cli(String subcommand, String... args) {
        List<String> command = new ArrayList<>(List.of(serf.toString(), subcommand, "-rpc-addr=" + rpcAddress()));
        command.addAll(Arrays.asList(args));
        CliResult result = run(command);
        if (result.exitCode() != 0) {
            throw new AssertionError("`" + String.join(" ", command) + "` exited " + result.exitCode() + ": "
                    + result.output() + "\n" + diagnostics());
        }
        return result.output();
    }

    private record CliResult(int exitCode, String output) {}

    private CliResult run(List<String> command) {
        try {
            Path out = Files.createTempFile(logDir, "cli-", ".out");
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!cli.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Processes.killAndWait(cli);
                return new CliResult(-1, "timed out after " + DEFAULT_TIMEOUT.toSeconds() + " s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            return new CliResult(cli.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code serf members -format=json}, parsed. Includes failed and left members. */
    public List<Member> members() {
        try {
            JsonNode root = JSON.readTree(cli("members", "-format=json"));
            List<Member> list = new ArrayList<>();
            root.path("members").forEach(m -> {
                Map<String, String> tags = new TreeMap<>();
                m.path("tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
                list.add(new Member(m.path("name").asText(), m.path("addr").asText(), m.path("port").asInt(),
                        m.path("status").asText(), Map.copyOf(tags)));
            });
            return List.copyOf(list);
        } catch (IOException e) {
            throw new AssertionError("cannot parse `serf members -format=json`: " + e + "\n" + diagnostics());
        }
    }

    public Optional<Member> member(String name) {
        return members().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Waits until member {@code name} is listed and satisfies {@code condition}, and returns it. */
    public Member awaitMember(String name, Predicate<Member> condition, Duration timeout) {
        return Poll.until(node + " to list " + name + " as wanted", timeout,
                () -> member(name).filter(condition), () -> "members now: " + members() + "\n" + diagnostics());
    }

    /** Waits until member {@code name} has {@code status} ({@code alive}, {@code failed}, {@code left}, …). */
    public Member awaitMemberStatus(String name, String status, Duration timeout) {
        return awaitMember(name, m -> m.status().equals(status), timeout);
    }

    /** {@code serf join ADDR…}. */
    public void join(String... addresses) {
        cli("join", addresses);
    }

    /** {@code serf event NAME PAYLOAD}: a user event to the whole cluster. */
    public void event(String name, String payload) {
        cli("event", name, payload);
    }

    // ------------------------------------------------------------------ events

    /** Every event the agent's handler has seen so far, in order. */
    public List<Event> events() {
        Path file = logDir.resolve("events.tsv");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(Event::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first user event called {@code name}, waiting for it if needed. */
    public Event awaitUserEvent(String name, Duration timeout) {
        return awaitEvent(e -> e.type().equals("user") && e.name().equals(name), "user event " + name, timeout);
    }

    public Event awaitEvent(Predicate<Event> matcher, String what, Duration timeout) {
        return Poll.until(node + " to handle " + what, timeout,
                () -> events().stream().filter(matcher).findFirst(), this::diagnostics);
    }

    // ------------------------------------------------------------------ stopping

    /** {@code serf leave}: a graceful leave, after which the agent exits; waits for the exit. */
    public void leave() {
        cli("leave");
        try {
            if (!process.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(node + " did not exit after serf leave\n" + diagnostics());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            close();
        }
    }

    /** SIGKILL. */
    public void kill() {
        close();
    }

    /** Kills the agent if it still runs; safe to call more than once. */
    @Override
    public void close() {
        if (process.isAlive()) {
            Processes.killAndWait(process);
        }
        Processes.forget(process);
        Processes.killAndWait(watchdog);
    }

    public String diagnostics() {
        return "--- Serf agent " + node + " (pid " + process.pid() + ", " + (process.isAlive() ? "running" : "exited "
                + process.exitValue()) + "), logs in " + logDir + "\n--- agent.log tail:\n"
                + Processes.tail(logDir.resolve("agent.log"), 4000);
    }

    @Override
    public String toString() {
        return "SerfAgent[" + node + " @ " + address() + ", rpc " + rpcAddress() + "]";
    }

    // ------------------------------------------------------------------ types

    /** One row of {@code serf members}; {@code addr} is {@code ip:port}. */
    public record Member(String name, String addr, int port, String status, Map<String, String> tags) {
        public boolean alive() {
            return "alive".equals(status);
        }
    }

    /**
     * One event handled by the agent: {@code type} is {@code SERF_EVENT} ({@code member-join}, {@code member-leave},
     * {@code member-failed}, {@code member-update}, {@code member-reap}, {@code user}, …), {@code name} the user event's
     * name, {@code payload} what Serf gave the handler on stdin (for member events, one line per member; for user events the
     * payload as sent, without the newline Serf appends).
     */
    public record Event(String type, String name, long ltime, String payload) {
        static Event parse(String line) {
            String[] f = line.split("\t", -1);
            String type = f[0];
            String payload = f.length > 3 ? new String(Base64.getDecoder().decode(f[3].strip()), StandardCharsets.UTF_8) : "";
            if (type.equals("user") && payload.endsWith("\n")) {
                payload = payload.substring(0, payload.length() - 1); // Serf ends a user event's stdin with a newline
            }
            long ltime = f.length > 2 && !f[2].isBlank() ? Long.parseLong(f[2].strip()) : 0;
            return new Event(type, f.length > 1 ? f[1] : "", ltime, payload);
        }
    }

    /** How to start an agent. */
    public static final class Builder {
        private final String node;
        private int bindPort;
        private int rpcPort;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String encryptKey;
        private String profile = "local";
        private final List<String> extraArgs = new ArrayList<>();

        private Builder(String node) {
            this.node = node;
        }

        /** The gossip port (UDP+TCP); default: a fresh one. */
        public Builder bindPort(int port) {
            this.bindPort = port;
            return this;
        }

        /** The RPC port the CLI talks to; default: a fresh one. */
        public Builder rpcPort(int port) {
            this.rpcPort = port;
            return this;
        }

        public Builder tag(String name, String value) {
            tags.put(name, value);
            return this;
        }

        /** {@code -encrypt}: a base64 AES key. */
        public Builder encrypt(String base64Key) {
            this.encryptKey = base64Key;
            return this;
        }

        /** Serf's timing profile: {@code local} (default, quick failure detection), {@code lan} or {@code wan}. */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        public Builder extraArgs(String... args) {
            extraArgs.addAll(Arrays.asList(args));
            return this;
        }

        /** Starts the agent and waits until its RPC answers. */
        public SerfAgent start() {
            Optional<Path> serf = findSerf();
            Prerequisites.require(Prerequisite.SERF, serf.isPresent(), "no serf command on PATH", HOW_TO_GET);
            int bind = bindPort > 0 ? bindPort : FreePorts.allocate();
            int rpc = rpcPort > 0 ? rpcPort : FreePorts.allocate();
            Path logDir = Processes.newLogDir(node);
            Path handler = writeEventHandler(logDir);
            List<String> command = new ArrayList<>(List.of(serf.get().toString(), "agent", "-node=" + node,
                    "-bind=127.0.0.1:" + bind, "-rpc-addr=127.0.0.1:" + rpc,
                    "-profile=" + profile, "-event-handler=" + handler, "-log-level=debug"));
            tags.forEach((k, v) -> command.addAll(List.of("-tag", k + "=" + v)));
            if (encryptKey != null) {
                command.add("-encrypt=" + encryptKey);
            }
            command.addAll(extraArgs);
            Process process;
            try {
                Files.writeString(logDir.resolve("command.txt"), String.join(" ", command) + "\n");
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logDir.resolve("agent.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
            Processes.track(process);
            SerfAgent agent = new SerfAgent(node, bind, rpc, serf.get(), process, logDir);
            try {
                Poll.until("serf agent " + node + " to answer RPC", DEFAULT_TIMEOUT, () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("serf agent " + node + " exited at start\n" + agent.diagnostics());
                    }
                    List<String> probe = List.of(serf.get().toString(), "members", "-rpc-addr=" + agent.rpcAddress());
                    return agent.run(probe).exitCode() == 0 ? Optional.of(true) : Optional.empty();
                }, agent::diagnostics);
            } catch (RuntimeException | AssertionError e) {
                agent.close();
                throw e;
            }
            return agent;
        }

        /**
         * A handler script that appends one line per event: SERF_EVENT, SERF_USER_EVENT, SERF_USER_LTIME and the
         * base64 of the payload (its stdin), tab-separated. One printf per event keeps lines whole.
         */
        private static Path writeEventHandler(Path logDir) {
            Path script = logDir.resolve("event-handler.sh");
            Path events = logDir.resolve("events.tsv");
            String text = "#!/bin/sh\n"
                    + "payload=$(base64 -w0)\n"
                    + "printf '%s\\t%s\\t%s\\t%s\\n' \"$SERF_EVENT\" \"$SERF_USER_EVENT\" \"$SERF_USER_LTIME\" \"$payload\""
                    + " >> '" + events + "'\n";
            if (script.toString().matches(".*[\\s='].*")) {
                // Serf splits -event-handler at '=' and runs it with sh -c, so the path must be plain.
                throw new IllegalStateException("log directory path unusable for a Serf event handler: " + logDir);
            }
            try {
                Files.writeString(script, text);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return script;
        }
    }
}
