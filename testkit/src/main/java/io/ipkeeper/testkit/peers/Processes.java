package io.ipkeeper.testkit.peers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What every fixture process shares: a per-process log directory, and a JVM shutdown hook that kills whatever a test
 * left running, so no peer or agent survives the test JVM.
 */
final class Processes {

    private static final Set<Process> running = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private Processes() {}

    /** Remembers {@code process} until {@link #forget}; the shutdown hook kills it if it is still alive then. */
    static void track(Process process) {
        installHook();
        running.add(process);
    }

    static void forget(Process process) {
        running.remove(process);
    }

    /** Kills {@code process} (SIGKILL) and waits for it to be gone. */
    static void killAndWait(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget(process);
    }

    /**
     * Starts a watchdog for a child that, unlike the Go peer, does not exit when its stdin closes: a tiny shell loop
     * that ends the child (SIGTERM, then SIGKILL) if this JVM dies without running its shutdown hook, e.g. when
     * surefire kills a hung fork. It exits by itself once the child is gone; destroy it when closing the child.
     */
    static Process watchdog(Process child) {
        String script = "jvm=" + ProcessHandle.current().pid() + "; child=" + child.pid() + "\n"
                + "while kill -0 $jvm 2>/dev/null; do kill -0 $child 2>/dev/null || exit 0; sleep 1; done\n"
                + "kill $child 2>/dev/null; sleep 5; kill -9 $child 2>/dev/null; exit 0\n";
        try {
            Process watchdog = new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            track(watchdog);
            return watchdog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a watchdog for pid " + child.pid(), e);
        }
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Process::destroyForcibly), "peer-reaper"));
        hookInstalled = true;
    }

    /**
     * A new, empty directory for one process's logs: under {@code target/peer-logs} when run from a module directory
     * (so a CI run keeps them next to the surefire reports), else under the temp directory; override with the system
     * property {@code ipkeeper.peers.logdir}.
     */
    static Path newLogDir(String label) {
        String configured = System.getProperty("ipkeeper.peers.logdir");
        Path base;
        if (configured != null && !configured.isBlank()) {
            base = Path.of(configured);
        } else if (Files.isDirectory(Path.of("target"))) {
            base = Path.of("target", "peer-logs");
        } else {
            base = Path.of(System.getProperty("java.io.tmpdir"), "ipkeeper-peer-logs");
        }
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, label.replaceAll("[^A-Za-z0-9_.-]", "_") + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a log directory under " + base, e);
        }
    }

    /** The last {@code maxChars} characters of a text file, or a note why there are none. */
    static String tail(Path file, int maxChars) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            String text = Files.readString(file);
            return text.length() <= maxChars ? text : "…" + text.substring(text.length() - maxChars);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Finds an executable on PATH, then in {@code fallbacks}. */
    static Optional<Path> findExecutable(String name, String... fallbacks) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        for (String fallback : fallbacks) {
            Path candidate = Path.of(fallback);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
