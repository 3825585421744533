package io.ipkeeper.cli.client;

import static io.ipkeeper.cli.client.WorkflowTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server URL and token: flag &gt; environment ({@code IPKEEPER_SERVER}, {@code IPKEEPER_TOKEN}) &gt; {@code --config}
 * file &gt; credentials file from login. A good and a bad value at two levels show which one won: the good one must win
 * when it is the higher level, and the bad one (exit 3 for a token, exit 6 for a server) when it is.
 */
class ConfigPrecedenceTest {
    private static final String BAD_TOKEN = "ipk_wrong-token-00000000000000000000000000000";
    private static TestServer server;
    private static String dead;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.h2("precedence");
        dead = TestServer.deadUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Path configFile(String serverUrl, String token) throws IOException {
        Path f = dir.resolve("ipkeeper-" + System.nanoTime() + ".toml");
        Files.writeString(f, "server = '" + serverUrl + "'\ntoken = '" + token + "'\n");
        return f;
    }

    private Map<String, String> env(String serverUrl, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("IPKEEPER_CREDENTIALS", dir.resolve("credentials.toml").toString());
        if (serverUrl != null) {
            env.put("IPKEEPER_SERVER", serverUrl);
        }
        if (token != null) {
            env.put("IPKEEPER_TOKEN", token);
        }
        return env;
    }

    private static int exit(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "space";
        all[1] = "list";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(env, all).exitCode();
    }

    @Test
    void flagBeatsEnvironment() {
        assertThat(exit(env(server.url(), BAD_TOKEN), "--token", TestServer.ADMIN_TOKEN)).isZero();
        assertThat(exit(env(server.url(), TestServer.ADMIN_TOKEN), "--token", BAD_TOKEN)).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(exit(env(dead, TestServer.ADMIN_TOKEN), "--server", server.url())).isZero();
        assertThat(exit(env(server.url(), TestServer.ADMIN_TOKEN), "--server", dead)).isEqualTo(ExitCodes.UNREACHABLE);
    }

    @Test
    void environmentBeatsConfigFile() throws IOException {
        Path good = configFile(server.url(), TestServer.ADMIN_TOKEN);
        Path bad = configFile(dead, BAD_TOKEN);
        assertThat(exit(env(server.url(), TestServer.ADMIN_TOKEN), "--config", bad.toString())).isZero();
        assertThat(exit(env(null, BAD_TOKEN), "--config", good.toString())).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(exit(env(dead, null), "--config", good.toString())).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(exit(env(null, null), "--config", good.toString())).isZero();
    }

    @Test
    void configFileBeatsStoredCredentials() throws IOException {
        Map<String, String> env = env(null, null);
        ok(Cli.run(env, "login", "--server", server.url(), "--token", TestServer.ADMIN_TOKEN));
        assertThat(exit(env)).isZero();
        Path badToken = configFile(server.url(), BAD_TOKEN);
        assertThat(exit(env, "--config", badToken.toString())).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        // IPKEEPER_TOKEN alone overrides the stored token for the stored server.
        Map<String, String> envToken = new HashMap<>(env);
        envToken.put("IPKEEPER_TOKEN", BAD_TOKEN);
        assertThat(exit(envToken)).isEqualTo(ExitCodes.NOT_AUTHORIZED);
    }

    @Test
    void aBadServerUrlIsReportedWithItsSource() {
        Cli.Result r = Cli.run(env("ftp://example", TestServer.ADMIN_TOKEN), "space", "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("IPKEEPER_SERVER").contains("expected an http or https URL");
    }

    @Test
    void aCaFileThatIsNotPemIsInvalidInput() throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        Cli.Result r = Cli.run(env(server.url(), TestServer.ADMIN_TOKEN), "space", "list", "--ca-file", notPem.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("CA file " + notPem);
    }
}
