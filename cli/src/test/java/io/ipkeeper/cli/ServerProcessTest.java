package io.ipkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipkeeper server} as a real process: starts, prints its URL, answers health, and stops cleanly on SIGTERM (the
 * same shutdown path as Ctrl-C).
 */
class ServerProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dir;

    private Process start(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                "io.ipkeeper.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }


    private static String health(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private String stopAndReadStderr(Process p) throws Exception {
        p.destroy(); // SIGTERM: runs the shutdown hook like Ctrl-C does
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("server exits after SIGTERM").isTrue();
        return Files.readString(dir.resolve("stderr.txt"));
    }

    @Test
    void startsOnEmbeddedH2AnswersHealthAndStopsCleanly() throws Exception {
        Path data = dir.resolve("data");
        // The port comes from the environment, proving env settings reach the real command.
        Process p = start(Map.of("IPKEEPER_SERVER_PORT", "0"), "server", "--data-dir", data.toString());
        try {
            String url = OutputLines.awaitMatch(p, LISTENING, java.time.Duration.ofSeconds(60));
            assertThat(url).as("stdout announces the URL").startsWith("http://127.0.0.1:");
            assertThat(health(url)).contains("\"status\":\"ok\"").contains("\"database\":\"h2\"");
            assertThat(data.resolve("ipkeeper.mv.db")).exists();
        } finally {
            String err = stopAndReadStderr(p);
            assertThat(err).contains("ipkeeper server stopped");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryExplainsTheLock() throws Exception {
        Path data = dir.resolve("shared-data");
        Process first = start(Map.of(), "server", "--port", "0", "--data-dir", data.toString());
        try {
            OutputLines.awaitMatch(first, LISTENING, java.time.Duration.ofSeconds(60));
            List<String> cmd = List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), "io.ipkeeper.cli.Main", "server", "--port", "0",
                    "--data-dir", data.toString());
            Process second = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(output).contains("is another ipkeeper server using this data directory?");
        } finally {
            stopAndReadStderr(first);
        }
    }

    @Test
    void firstStartPrintsABootstrapTokenOnlyOnce() throws Exception {
        Path data = dir.resolve("bootstrap-data");
        Process first = start(Map.of(), "server", "--port", "0", "--data-dir", data.toString());
        String token;
        String url;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            url = CompletableFuture.supplyAsync(() -> OutputLines.readUntil(out, LISTENING)).get(60, TimeUnit.SECONDS);
            token = CompletableFuture.supplyAsync(() -> OutputLines.readUntil(out, Pattern.compile("bootstrap admin token .*: (ipk_\\S+)")))
                    .get(60, TimeUnit.SECONDS);
            assertThat(token).startsWith("ipk_");
            HttpResponse<String> spaces = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/spaces"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(spaces.statusCode()).isEqualTo(200);
        } finally {
            stopAndReadStderr(first);
        }
        // The second start finds the token in the database: nothing new is printed, even with the variable set.
        Process second = start(Map.of("IPKEEPER_BOOTSTRAP_TOKEN", "ignored-because-a-token-exists-0123456789"),
                "server", "--port", "0", "--data-dir", data.toString());
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread collector = Thread.ofVirtual().start(() -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // destroy() closes the pipe; everything printed before is in lines
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(l -> l.contains("listening on")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            health(lines.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow().group(1));
        } finally {
            stopAndReadStderr(second);
            collector.join(10_000);
        }
        assertThat(String.join("\n", lines)).doesNotContain("bootstrap admin token");
    }

    @Test
    void theEnvironmentCanSupplyTheBootstrapToken() throws Exception {
        String token = "ipk_from-the-environment-0123456789abcdef";
        Process p = start(Map.of("IPKEEPER_BOOTSTRAP_TOKEN", token),
                "server", "--port", "0", "--data-dir", dir.resolve("env-token").toString());
        try {
            String url = OutputLines.awaitMatch(p, LISTENING, java.time.Duration.ofSeconds(60));
            HttpResponse<String> spaces = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/spaces"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(spaces.statusCode()).isEqualTo(200);
        } finally {
            stopAndReadStderr(p);
        }
    }

    @Test
    void databaseUrlSelectsPostgresql() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL, "serverproc")) {
            Process p = start(Map.of(), "server", "--port", "0", "--database-url", db.jdbcUrl(), "--log-format", "json");
            try {
                String url = OutputLines.awaitMatch(p, LISTENING, java.time.Duration.ofSeconds(60));
                assertThat(health(url)).contains("\"database\":\"postgresql\"");
            } finally {
                String err = stopAndReadStderr(p);
                // JSON logs: one object per line on stderr.
                assertThat(err.lines().filter(l -> l.contains("ipkeeper server stopped")))
                        .singleElement().satisfies(l -> assertThat(l).startsWith("{").contains("\"level\":\"INFO\""));
            }
        }
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorAndExitCode1() throws Exception {
        Process p = start(Map.of(), "server", "--port", "0",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/nothing?user=postgres&connectTimeout=2");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("stderr.txt")))
                .contains("ipkeeper server: cannot connect to jdbc:postgresql://127.0.0.1:1/nothing")
                .doesNotContain("\tat ");
    }
}
