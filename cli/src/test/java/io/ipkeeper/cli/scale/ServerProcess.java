package io.ipkeeper.cli.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One {@code ipkeeper server} child JVM on the test classpath; {@link #close()} stops it with SIGTERM. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String url;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts a server on a free loopback port against {@code databaseUrl} and waits until it listens. */
    static ServerProcess start(String databaseUrl, Map<String, String> env, Path stderr) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "io.ipkeeper.cli.Main",
                "server", "--port", "0", "--database-url", databaseUrl));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String url;
        try {
            url = CompletableFuture.supplyAsync(() -> io.ipkeeper.cli.OutputLines.readUntil(out, LISTENING)).get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("server did not start in 90 s; its stderr is in " + stderr, e);
        }
        if (url == null) {
            p.destroyForcibly();
            throw new IllegalStateException("server exited before listening; its stderr is in " + stderr);
        }
        // Keep draining stdout so a chatty server never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
        return new ServerProcess(p, url);
    }


    String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
