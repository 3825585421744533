package io.ipkeeper.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subnet update} and {@code range update} against a real server: set, clear, lost update (exit 5), bad input. */
@DatabaseTest
class UpdateCommandsTest {
    private final TestDatabase db;
    private TestServer server;
    private Map<String, String> admin;

    @TempDir
    Path home;

    UpdateCommandsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = TestServer.on(db);
        admin = server.adminEnv(home.resolve("credentials.toml"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Cli.Result ok(Cli.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void subnetUpdateSetsAndClearsAndRefusesAStaleEtag() {
        ok(Cli.run(admin, "space", "create", "upd"));
        ok(Cli.run(admin, "subnet", "create", "198.18.80.0/24", "--space", "upd", "--gateway", "198.18.80.1",
                "--description", "old"));
        Map<String, String> row = TableText.rows(ok(Cli.run(admin, "subnet", "update", "198.18.80.0/24", "--vlan", "111",
                "--threshold", "80", "--clear", "description")).out()).getFirst();
        assertThat(row).containsEntry("VLAN", "111");
        JsonNode s = ok(Cli.run(admin, "subnet", "show", "198.18.80.0/24", "--output", "json")).json();
        assertThat(s.get("description").isNull()).isTrue();
        assertThat(s.get("utilizationThreshold").asInt()).isEqualTo(80);

        Cli.Result stale = Cli.run(admin, "subnet", "update", "198.18.80.0/24", "--vlan", "5", "--if-match", "W/\"0\"");
        assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(stale.err()).contains("changed since you read it");

        assertThat(Cli.run(admin, "subnet", "update", "198.18.80.0/24").exitCode()).isEqualTo(ExitCodes.INVALID);
        Cli.Result both = Cli.run(admin, "subnet", "update", "198.18.80.0/24", "--vlan", "7", "--clear", "vlan");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(Cli.run(admin, "subnet", "update", "198.18.80.0/24", "--clear", "prefix").exitCode())
                .isEqualTo(ExitCodes.INVALID);
        assertThat(ok(Cli.run(admin, "subnet", "show", "198.18.80.0/24", "--output", "json")).json().get("vlan").asInt())
                .as("refused updates changed nothing").isEqualTo(111);
    }

    @Test
    void rangeUpdateMovesAndRedelegates() {
        ok(Cli.run(admin, "space", "create", "upd-r"));
        ok(Cli.run(admin, "subnet", "create", "198.18.81.0/24", "--space", "upd-r"));
        String id = TableText.rows(ok(Cli.run(admin, "range", "create", "--space", "upd-r", "--subnet", "198.18.81.0/24",
                "--start", "198.18.81.100", "--end", "198.18.81.149", "--purpose", "static", "--owner", "bosh-west"))
                .out()).getFirst().get("ID");
        Map<String, String> moved = TableText.rows(ok(Cli.run(admin, "range", "update", id, "--start", "198.18.81.100",
                "--end", "198.18.81.199", "--owner", "bosh-east")).out()).getFirst();
        assertThat(moved).containsEntry("OWNER", "bosh-east").containsEntry("SIZE", "100");
        JsonNode cleared = ok(Cli.run(admin, "range", "update", id, "--clear", "owner", "--output", "json")).json();
        assertThat(cleared.get("owner").isNull()).isTrue();
        Cli.Result outside = Cli.run(admin, "range", "update", id, "--start", "198.18.82.1", "--end", "198.18.82.9");
        assertThat(outside.exitCode()).as(outside.toString()).isEqualTo(ExitCodes.INVALID);
    }
}
