package io.ipkeeper.cli.admin;

import io.ipkeeper.cli.client.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipkeeper admin …} against H2 and PostgreSQL, then a real server on the same database proves the changes are
 * the ones the API sees (the password logs in, the token authenticates).
 */
@DatabaseTest
class AdminCommandTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final TestDatabase db;

    @TempDir
    Path dir;

    AdminCommandTest(TestDatabase db) {
        this.db = db;
    }


    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("IPKEEPER_DATABASE_URL", db.jdbcUrl());
        if (db.user() != null) {
            env.put("IPKEEPER_DATABASE_USER", db.user());
        }
        if (db.password() != null) {
            env.put("IPKEEPER_DATABASE_PASSWORD", db.password());
        }
        return env;
    }

    private Cli.Result run(String... args) {
        return Cli.run(env(), args);
    }

    private Path passwordFile(String password) throws Exception {
        Path f = Files.createTempFile(dir, "pw", ".txt");
        Files.writeString(f, password + "\n");
        return f;
    }

    @Test
    void usersTokensAndGrantsAreManagedOfflineAndTheServerSeesThem() throws Exception {
        Cli.Result created = run("admin", "user", "create", "alice", "--role", "engineer", "--password-file",
                passwordFile(PASSWORD).toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("alice").contains("engineer").contains("active");

        Cli.Result shortPw = run("admin", "user", "create", "bob", "--role", "viewer", "--password-file",
                passwordFile("short").toString());
        assertThat(shortPw.exitCode()).isEqualTo(2);
        assertThat(shortPw.err()).contains("at least 12");
        assertThat(run("admin", "user", "create", "carl", "--role", "root", "--password-file",
                passwordFile(PASSWORD).toString()).exitCode()).isEqualTo(2);
        assertThat(run("admin", "user", "create", "dora", "--role", "viewer", "--password-file",
                passwordFile("").toString()).err()).contains("no password");
        assertThat(run("admin", "user", "list").out()).contains("alice").doesNotContain("bob");

        Cli.Result token = run("admin", "token", "create", "alice-cli", "--role", "engineer", "--user", "alice",
                "--grant", "owner:team-a");
        assertThat(token.exitCode()).as(token.err()).isZero();
        Matcher m = Pattern.compile("token: (ipk_\\S+)").matcher(token.out());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(run("admin", "token", "list").out()).contains("alice-cli").doesNotContain(secret);
        assertThat(run("admin", "token", "create", "too-high", "--role", "admin", "--user", "alice").exitCode())
                .isEqualTo(2);

        Cli.Result grant = run("admin", "grant", "add", "--user", "alice", "owner:bosh-west");
        assertThat(grant.exitCode()).as(grant.err()).isZero();
        String grantId = grant.out().strip().split("\\s+")[0];
        assertThat(run("admin", "grant", "list", "--user", "alice").out()).contains("bosh-west");
        assertThat(run("admin", "grant", "list", "--token", "alice-cli").out()).contains("team-a")
                .doesNotContain("bosh-west");
        assertThat(run("admin", "grant", "add", "--user", "nobody", "owner:x").exitCode()).isEqualTo(4);
        assertThat(run("admin", "grant", "add", "--user", "alice", "planet:x").exitCode()).isEqualTo(2);
        assertThat(run("admin", "grant", "remove", grantId).exitCode()).isZero();
        assertThat(run("admin", "grant", "remove", grantId).exitCode()).isEqualTo(4);

        // set-password from standard input
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a new passphrase for alice\n".getBytes(StandardCharsets.UTF_8)));
            Cli.Result set = run("admin", "user", "set-password", "alice");
            assertThat(set.exitCode()).as(set.err()).isZero();
        } finally {
            System.setIn(stdin);
        }

        try (IpkeeperServer server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(),
                db.password(), 2).withBootstrapToken("ipk_admin-cli-test-bootstrap-token-0123456789"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"alice\",\"password\":\"a new passphrase for alice\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/session"))
                    .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("alice-cli").contains("team-a");
        }

        assertThat(run("admin", "user", "disable", "alice").out()).contains("disabled");
        assertThat(run("admin", "user", "enable", "alice").out()).contains("active");
        assertThat(run("admin", "user", "delete", "alice").exitCode()).isZero();
        assertThat(run("admin", "token", "list").out()).containsPattern("alice-cli.*revoked");
        assertThat(run("admin", "user", "delete", "alice").exitCode()).isEqualTo(4);
        assertThat(run("admin", "token", "revoke", "bootstrap-admin").out()).contains("revoked");

        String audit = auditActors();
        assertThat(audit).contains("cli:");
    }

    @Test
    void withoutADatabaseOrASubcommandItSaysWhatIsMissing() {
        Map<String, String> env = new HashMap<>();
        env.put("IPKEEPER_SERVER_DATA_DIR", dir.resolve("missing").toString());
        Cli.Result r = Cli.run(env, "admin", "user", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no data directory");
        assertThat(run("admin", "user").exitCode()).isEqualTo(2);
    }

    private String auditActors() throws Exception {
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT principal FROM audit_event WHERE object_type = 'app_user'")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
            return sb.toString();
        }
    }
}
