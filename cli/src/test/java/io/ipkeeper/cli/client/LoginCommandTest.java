package io.ipkeeper.cli.client;

import static io.ipkeeper.cli.client.WorkflowTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipkeeper login} checks the token, stores it with mode 0600, later commands use it; {@code logout} forgets it. */
class LoginCommandTest {
    private static TestServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        server = TestServer.h2("login");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An environment with nothing but XDG_CONFIG_HOME: what a user who only ran 'ipkeeper login' has. */
    private Map<String, String> user() {
        return Map.of("XDG_CONFIG_HOME", home.toString());
    }

    private Path defaultCredentials() {
        return home.resolve("ipkeeper").resolve("credentials.toml");
    }

    @Test
    void loginStoresServerAndTokenWithMode0600AndLaterCommandsUseThem() throws Exception {
        Cli.Result login = ok(Cli.run(user(), "login", "--server", server.url(), "--token", TestServer.ADMIN_TOKEN));
        assertThat(login.out()).contains("Logged in to " + server.url()).contains(defaultCredentials().toString());

        Path file = defaultCredentials();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("server = '" + server.url() + "'")
                .contains("token = '" + TestServer.ADMIN_TOKEN + "'");

        ok(Cli.run(user(), "space", "create", "after-login"));
        assertThat(ok(Cli.run(user(), "space", "list")).out()).contains("after-login");

        Cli.Result logout = ok(Cli.run(user(), "logout"));
        assertThat(logout.out()).contains("Logged out");
        assertThat(file).doesNotExist();
        Cli.Result after = Cli.run(user(), "space", "list");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(after.err()).contains("no server given").contains("ipkeeper login");
        assertThat(ok(Cli.run(user(), "logout")).out()).contains("Not logged in");
    }

    @Test
    void aWrongTokenIsRejectedAndNothingIsStored() {
        Cli.Result r = Cli.run(user(), "login", "--server", server.url(), "--token", "ipk_not-a-real-token");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(r.err()).startsWith("ipkeeper login: ").contains("token");
        assertThat(defaultCredentials()).doesNotExist();
    }

    @Test
    void loginToAServerThatIsDownSaysSoAndExits6() throws Exception {
        Cli.Result r = Cli.run(user(), "login", "--server", TestServer.deadUrl(), "--token", TestServer.ADMIN_TOKEN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("cannot reach the server").contains("connection refused");
        assertThat(defaultCredentials()).doesNotExist();
    }

    @Test
    void loginWithoutServerIsAUsageError() {
        Cli.Result r = Cli.run(user(), "login", "--token", TestServer.ADMIN_TOKEN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("--server URL is required");
    }

    @Test
    void aStoredTokenIsNeverSentToAnotherServer() throws Exception {
        ok(Cli.run(user(), "login", "--server", server.url(), "--token", TestServer.ADMIN_TOKEN));
        Cli.Result r = Cli.run(user(), "space", "list", "--server", TestServer.deadUrl());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(r.err()).contains("no API token for");
    }

    @Test
    void theCredentialsFileCanBeChosen() {
        Path custom = home.resolve("elsewhere").resolve("creds.toml");
        ok(Cli.run(Map.of("IPKEEPER_CREDENTIALS", custom.toString()), "login", "--server", server.url(), "--token",
                TestServer.ADMIN_TOKEN));
        assertThat(custom).exists();
        assertThat(defaultCredentials()).doesNotExist();
        ok(Cli.run(Map.of(), "space", "list", "--credentials", custom.toString()));
    }
}
