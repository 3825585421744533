package io.ipkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.agent.tls.ServerTrust;
import io.ipkeeper.testkit.tls.TestCertificates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ipkeeper server --tls-cert/--tls-key}: HTTPS from the config file, and the start-up errors. */
class ServerTlsCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (https://\\S+)");

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = IpkeeperCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void aCertificateWithoutKeyIsRefused() {
        String[] r = run("server", "--data-dir", dir.toString(), "--port", "0", "--tls-cert", dir.resolve("c.pem").toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void aMissingCertificateFileStopsTheStart() {
        String[] r = run("server", "--data-dir", dir.toString(), "--port", "0",
                "--tls-cert", dir.resolve("c.pem").toString(), "--tls-key", dir.resolve("k.pem").toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains(dir.resolve("c.pem") + " (--tls-cert) does not exist");
    }

    @Test
    void servesHttpsWithTheFilesFromTheConfigFile() throws Exception {
        TestCertificates ca = TestCertificates.create(dir);
        TestCertificates.Server cert = ca.server("ec", "ip:127.0.0.1");
        Path config = Files.writeString(dir.resolve("ipkeeper.toml"), "[server]\nport = 0\ndata-dir = '"
                + dir.resolve("data") + "'\ntls-cert = '" + cert.chain() + "'\ntls-key = '" + cert.key() + "'\n");
        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "io.ipkeeper.cli.Main", "server", "--config", config.toString()))
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            String url = OutputLines.awaitMatch(p, LISTENING, java.time.Duration.ofSeconds(120));
            assertThat(url).as("stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isNotNull();
            HttpClient client = HttpClient.newBuilder().sslContext(ServerTrust.fromCaFile(ca.caFile())).build();
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("server exits after SIGTERM").isTrue();
        }
    }
}
