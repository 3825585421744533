package io.ipkeeper.cli.client;

import static io.ipkeeper.cli.client.WorkflowTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BOSH operator's commands against a real server: render a director's cloud-config, import its instances. */
class BoshCommandTest {
    private static TestServer server;
    private static Map<String, String> admin;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        server = TestServer.h2("bosh-cli");
        admin = server.adminEnv(home.resolve("credentials.toml"));
        ok(Cli.run(admin, "space", "create", "lab"));
        ok(Cli.run(admin, "subnet", "create", "198.18.7.0/24", "--space", "lab", "--gateway", "198.18.7.1",
                "--dns", "198.18.0.53"));
        ok(Cli.run(admin, "range", "create", "--subnet", "198.18.7.0/24", "--start", "198.18.7.100", "--end",
                "198.18.7.149", "--purpose", "static", "--owner", "bosh-a"));
        ok(Cli.run(admin, "range", "create", "--subnet", "198.18.7.0/24", "--start", "198.18.7.150", "--end",
                "198.18.7.169", "--purpose", "dynamic", "--owner", "bosh-a"));
        ok(Cli.run(admin, "ip", "allocate", "--subnet", "198.18.7.0/24", "--address", "198.18.7.20", "--hostname",
                "pgpool-vip"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cloudConfigPrintsTheDirectorsSubnetEntryAsYaml() {
        Cli.Result r = ok(Cli.run(admin, "bosh", "cloud-config", "--space", "lab", "--subnet", "198.18.7.0/24",
                "--owner", "bosh-a"));
        assertThat(r.out()).startsWith("# BOSH cloud-config").contains("range: \"198.18.7.0/24\"\n")
                .contains("reserved:\n- \"198.18.7.0 - 198.18.7.99\"\n- \"198.18.7.170 - 198.18.7.255\"\n")
                .contains("static:\n- \"198.18.7.100 - 198.18.7.149\"\n");
        Cli.Result json = ok(Cli.run(admin, "bosh", "cloud-config", "--subnet", "198.18.7.0/24", "--owner", "bosh-a",
                "--output", "json"));
        assertThat(json.json().get("reserved").get(0).asText()).isEqualTo("198.18.7.0 - 198.18.7.99");
    }

    @Test
    void anUnknownDirectorIsInvalidInput() {
        Cli.Result r = Cli.run(admin, "bosh", "cloud-config", "--subnet", "198.18.7.0/24", "--owner", "bosh-z");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("delegated to owner 'bosh-z'");
    }

    @Test
    void importListsWhatItDidAndExits5OnConflicts() throws IOException {
        Path file = home.resolve("instances.json");
        try (InputStream in = BoshCommandTest.class.getResourceAsStream("/bosh/instances-bosh-a.json")) {
            Files.write(file, in.readAllBytes());
        }
        Cli.Result r = Cli.run(admin, "bosh", "import", "--subnet", "198.18.7.0/24", "--owner", "bosh-a", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(TableText.rows(r.out())).extracting(row -> row.get("RESULT") + " " + row.get("ADDRESS")).containsExactly(
                "imported 198.18.7.100", "imported 198.18.7.101", "imported 198.18.7.150",
                "conflict 198.18.7.20", "conflict 198.18.7.30", "conflict 198.18.99.4");
        assertThat(r.err()).contains("3 imported, 0 unchanged, 3 conflict(s)");
        Cli.Result again = Cli.run(admin, "bosh", "import", "--subnet", "198.18.7.0/24", "--owner", "bosh-a",
                file.toString(), "--output", "json");
        assertThat(again.json().get("unchanged")).hasSize(3);
        assertThat(again.json().get("imported")).isEmpty();
    }

    @Test
    void aFileThatIsNotJsonIsInvalidInput() throws IOException {
        Path file = Files.writeString(home.resolve("not.json"), "Instance  IPs\nweb/0  198.18.7.100\n");
        Cli.Result r = Cli.run(admin, "bosh", "import", "--subnet", "198.18.7.0/24", "--owner", "bosh-a", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("is not JSON").contains("--json");
    }
}
