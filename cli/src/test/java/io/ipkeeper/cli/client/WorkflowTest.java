package io.ipkeeper.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two workflows through the CLI against a real server, on H2 and PostgreSQL: NetOps sets up a space, a
 * subnet and a range delegated to an owner and creates an engineer token; the engineer allocates named addresses,
 * lists, updates and releases them — in table and JSON output.
 */
@DatabaseTest
class WorkflowTest {
    private static final String SUBNET = "198.18.0.0/24";

    private final TestDatabase db;
    private TestServer server;
    private Map<String, String> admin;

    @TempDir
    Path home;

    WorkflowTest(TestDatabase db) {
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

    static Cli.Result ok(Cli.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void netOpsSetsUpAndTheEngineerAllocatesListsUpdatesAndReleases() {
        // NetOps (admin): space, subnet, a block delegated to a BOSH director, an engineer token.
        Map<String, String> space = TableText.rows(ok(Cli.run(admin, "space", "create", "lab", "--description",
                "lab network")).out()).getFirst();
        assertThat(space).containsEntry("NAME", "lab").containsEntry("DESCRIPTION", "lab network");
        Map<String, String> subnet = TableText.rows(ok(Cli.run(admin, "subnet", "create", SUBNET, "--space", "lab",
                "--gateway", "198.18.0.1", "--vlan", "110", "--dns", "198.18.0.53,198.18.0.54", "--description",
                "web tier")).out()).getFirst();
        assertThat(subnet).containsEntry("PREFIX", SUBNET).containsEntry("GATEWAY", "198.18.0.1")
                .containsEntry("VLAN", "110").containsEntry("SPACE", space.get("ID"));
        Map<String, String> range = TableText.rows(ok(Cli.run(admin, "range", "create", "--space", "lab", "--subnet",
                SUBNET, "--start", "198.18.0.100", "--end", "198.18.0.149", "--purpose", "static", "--owner",
                "bosh-west")).out()).getFirst();
        assertThat(range).containsEntry("OWNER", "bosh-west").containsEntry("SIZE", "50");
        JsonNode ranges = ok(Cli.run(admin, "range", "list", "--subnet", SUBNET, "--output", "json")).json();
        assertThat(ranges.get("count").asInt()).isEqualTo(1);
        assertThat(ranges.get("results").get(0).get("owner").asText()).isEqualTo("bosh-west");
        assertThat(TableText.rows(ok(Cli.run(admin, "subnet", "list", "--space", "lab")).out()))
                .extracting(r -> r.get("DESCRIPTION")).containsExactly("web tier");
        assertThat(TableText.fields(ok(Cli.run(admin, "subnet", "show", SUBNET)).out()))
                .containsEntry("prefix", SUBNET).containsEntry("dnsServers", "198.18.0.53,198.18.0.54")
                .containsEntry("utilization.free", "253");

        JsonNode token = ok(Cli.run(admin, "token", "create", "alice", "--role", "engineer", "--grant",
                "space:lab", "--grant", "owner:bosh-west", "--output", "json")).json();
        Map<String, String> engineer = new HashMap<>(admin);
        engineer.put("IPKEEPER_TOKEN", token.get("token").asText());

        // Engineer: three named addresses (table), then two more (JSON), never inside the director's block.
        List<Map<String, String>> web = TableText.rows(ok(Cli.run(engineer, "ip", "allocate", "--space", "lab",
                "--subnet", SUBNET, "--count", "3", "--hostname", "web-{n}")).out());
        assertThat(web).extracting(r -> r.get("HOSTNAME")).containsExactly("web-1", "web-2", "web-3");
        assertThat(web).extracting(r -> r.get("STATE")).containsOnly("allocated");
        assertThat(web).extracting(r -> r.get("ADDRESS")).doesNotHaveDuplicates()
                .allSatisfy(a -> assertThat(lastOctet(a)).isNotIn(java.util.stream.IntStream.rangeClosed(100, 149).boxed().toArray()));

        JsonNode db2 = ok(Cli.run(engineer, "ip", "allocate", "--subnet", SUBNET, "--count", "2", "--hostname",
                "db-{n}", "--output", "json")).json();
        assertThat(db2.isArray()).isTrue();
        assertThat(db2).extracting(a -> a.get("hostname").asText()).containsExactly("db-1", "db-2");

        // The director's service allocates inside its block only by naming its owner.
        JsonNode routers = ok(Cli.run(engineer, "ip", "allocate", "--range", range.get("ID"), "--owner", "bosh-west",
                "--count", "2", "--hostname", "router-{n}", "--output", "json")).json();
        List<Integer> octets = new ArrayList<>();
        routers.forEach(a -> octets.add(lastOctet(a.get("address").asText())));
        assertThat(octets).hasSize(2).allSatisfy(o -> assertThat(o).isBetween(100, 149));

        JsonNode all = ok(Cli.run(engineer, "ip", "list", "--space", "lab", "--output", "json")).json();
        assertThat(all.get("count").asInt()).isEqualTo(7);
        List<Map<String, String>> web2 = TableText.rows(ok(Cli.run(engineer, "ip", "list", "--hostname", "web-2")).out());
        assertThat(web2).singleElement().satisfies(r -> assertThat(r.get("ADDRESS")).isEqualTo(web.get(1).get("ADDRESS")));

        // Update by address (ETag read and sent as If-Match), then show by id.
        Map<String, String> updated = TableText.rows(ok(Cli.run(engineer, "ip", "update", web.get(1).get("ADDRESS"),
                "--mac", "02:00:5e:10:00:01", "--description", "frontend")).out()).getFirst();
        assertThat(updated).containsEntry("MAC", "02:00:5e:10:00:01");
        assertThat(TableText.fields(ok(Cli.run(engineer, "ip", "show", web.get(1).get("ID"))).out()))
                .containsEntry("description", "frontend").containsEntry("hostname", "web-2");

        // Release by address into quarantine; it leaves the allocated list.
        Map<String, String> released = TableText.rows(ok(Cli.run(engineer, "ip", "release",
                web.getFirst().get("ADDRESS"))).out()).getFirst();
        assertThat(released).containsEntry("STATE", "quarantined").containsEntry("HOSTNAME", "web-1");
        JsonNode allocated = ok(Cli.run(engineer, "ip", "list", "--state", "allocated", "--output", "json")).json();
        assertThat(allocated.get("count").asInt()).isEqualTo(6);
        assertThat(allocated.get("results")).extracting(a -> a.get("hostname").asText()).doesNotContain("web-1");
        // Released by JSON too: the API's allocation object.
        JsonNode db1 = ok(Cli.run(engineer, "ip", "release", db2.get(0).get("id").asText(), "--output", "json")).json();
        assertThat(db1.get("state").asText()).isEqualTo("quarantined");
    }

    @Test
    void emptyListsPrintOnlyTheHeaderOrAnEmptyPage() {
        assertThat(ok(Cli.run(admin, "space", "list")).out().strip()).isEqualTo("ID  NAME  DESCRIPTION");
        JsonNode page = ok(Cli.run(admin, "subnet", "list", "--output", "json")).json();
        assertThat(page.get("count").asInt()).isZero();
        assertThat(page.get("results")).isEmpty();
    }

    private static int lastOctet(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
    }
}
