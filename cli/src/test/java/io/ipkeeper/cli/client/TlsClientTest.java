package io.ipkeeper.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.tls.TlsOptions;
import io.ipkeeper.testkit.tls.TestCertificates;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against an HTTPS server whose certificate comes from a private CA: trusted only with {@code --ca-file}. */
class TlsClientTest {
    @TempDir
    static Path dir;
    static TestCertificates ca;
    static TestServer server;

    @BeforeAll
    static void start() {
        ca = TestCertificates.create(dir);
        TestCertificates.Server cert = ca.server("rsa", "ip:127.0.0.1");
        server = TestServer.h2Https("tls-client", new TlsOptions(cert.chain(), cert.key()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Map<String, String> env() {
        return server.adminEnv(dir.resolve("credentials.toml"));
    }

    @Test
    void withTheCaFileTheClientWorks() {
        assertThat(server.url()).startsWith("https://127.0.0.1:");
        Cli.Result r = Cli.run(env(), "space", "list", "--ca-file", ca.caFile().toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void theCaFileAlsoComesFromTheEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("IPKEEPER_CA_FILE", ca.caFile().toString());
        Cli.Result r = Cli.run(env, "space", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void withoutTheCaFileTheClientRefusesAndSaysHowToFixIt() {
        Cli.Result r = Cli.run(env(), "space", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("not signed by a CA this client trusts").contains("--ca-file FILE");
    }

    @Test
    void aCertificateForAnotherNameIsAHostNameMismatch() {
        TestCertificates.Server other = ca.server("ec", "dns:other.example");
        try (TestServer wrongName = TestServer.h2Https("tls-mismatch", new TlsOptions(other.chain(), other.key()))) {
            Cli.Result r = Cli.run(wrongName.adminEnv(dir.resolve("c.toml")), "space", "list", "--ca-file",
                    ca.caFile().toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(r.err()).contains("not issued for '127.0.0.1'").contains("host name mismatch");
        }
    }

    @Test
    void plainHttpToTheHttpsPortSuggestsHttps() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("IPKEEPER_SERVER", server.url().replace("https://", "http://"));
        Cli.Result r = Cli.run(env, "space", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("use an https:// URL");
    }

    @Test
    void aMissingCaFileIsInvalidInput() {
        Cli.Result r = Cli.run(env(), "space", "list", "--ca-file", dir.resolve("missing.pem").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("does not exist").contains("--ca-file");
    }
}
