package io.ipkeeper.server.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's pynetbox 7.0.0 (the real client, under the system python3) against ipkeeper on 127.0.0.1: the calls an
 * automation script makes, and 16 processes allocating from one prefix at once.
 */
@DatabaseTest
@Tag("slow")
class PynetboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase db;

    PynetboxTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void requireClient() {
        Clients.requirePynetbox();
    }

    @Test
    void scriptListsAllocatesExhaustsSavesAndDeletes(@TempDir Path dir) throws Exception {
        try (IpkeeperServer server = Api.start(db, 4)) {
            Api v1 = Api.admin(server);
            ensureDefaultSpace(v1);
            v1.post("/api/v1/subnets", Map.of("space", "default", "prefix", "198.18.40.0/28")).ok(201);
            // a v2-looking token: pynetbox 7.0.0 sends it with the Token keyword, and the nbt_ prefix decides
            String token = "nbt_pynetbox." + v1.post("/api/v1/tokens", Map.of("name", "pynetbox", "role", "service",
                    "grants", List.of(Map.of("scope", "space", "value", "default")))).ok(201).get("token").asText();
            Clients.Run run = Clients.run(List.of(Clients.PYTHON.toString(),
                    Clients.resource("pynetbox_flow.py").toString(), server.url(), token, "198.18.40.0/28"), Map.of(), dir)
                    .ok();
            JsonNode seen = JSON.readTree(run.out());
            assertThat(seen.get("version").asText()).isEqualTo("4.5");
            assertThat(seen.get("netbox_version").asText()).startsWith("4.5.");
            assertThat(seen.get("prefixes").toString()).contains("198.18.40.0/28");
            assertThat(seen.get("prefix_status").asText()).isEqualTo("active");
            // a /28 has 14 usable addresses: 1 + 2 by the first calls, the other 11 until AllocationError
            assertThat(seen.get("free_before")).hasSize(14);
            assertThat(seen.get("one").asText()).isEqualTo("198.18.40.1/28");
            assertThat(seen.get("two").toString()).isEqualTo("[\"198.18.40.2/28\",\"198.18.40.3/28\"]");
            assertThat(seen.get("made_until_exhausted").asInt()).isEqualTo(11);
            assertThat(seen.get("free_after").asInt()).isZero();
            assertThat(seen.get("saved").toString())
                    .isEqualTo("[\"changed by pynetbox\",\"host.example.org\",\"active\"]");
            assertThat(seen.get("filtered").asInt()).isEqualTo(1);
            assertThat(seen.get("choices").toString()).contains("active", "reserved");
            assertThat(seen.get("after_delete").isNull()).isTrue();
            assertThat(seen.get("remaining").asInt()).isEqualTo(13);
            // the server agrees: 13 live allocations, and the change is in the audit log under the token's name
            assertThat(v1.get("/api/v1/allocations?state=allocated&address=198.18.40.2").ok(200).get("count").asInt())
                    .isEqualTo(1);
            assertThat(v1.get("/api/v1/audit?action=allocation.update").ok(200).toString()).contains("pynetbox");
        }
    }

    @Test
    void sixteenProcessesAllocatingFromOnePrefixNeverGetTheSameAddress(@TempDir Path dir) throws Exception {
        try (IpkeeperServer server = Api.start(db, 8)) {
            Api v1 = Api.admin(server);
            ensureDefaultSpace(v1);
            long subnet = v1.post("/api/v1/subnets", Map.of("space", "default", "prefix", "198.18.41.0/26")).ok(201)
                    .get("id").asLong();
            // 16 × 5 = 80 requests for 62 addresses: the prefix runs out while the processes still compete
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                processes.add(Clients.start(List.of(Clients.PYTHON.toString(),
                        Clients.resource("pynetbox_allocate.py").toString(), server.url(), Api.ADMIN_TOKEN,
                        String.valueOf(subnet), "5"), Map.of(), dir));
            }
            List<String> all = new ArrayList<>();
            for (Process p : processes) {
                Clients.Run run = Clients.finish(p).ok();
                JSON.readTree(run.out()).forEach(a -> all.add(a.asText()));
            }
            Set<String> unique = new HashSet<>(all);
            assertThat(unique).hasSameSizeAs(all);
            assertThat(all).hasSize(62);
            // and on the server side: one live allocation per address handed out, nothing more
            JsonNode live = v1.get("/api/v1/allocations?subnet=" + subnet + "&limit=1000").ok(200);
            assertThat(live.get("count").asInt()).isEqualTo(62);
            Set<String> serverSide = new HashSet<>();
            live.get("results").forEach(a -> serverSide.add(a.get("address").asText() + "/26"));
            assertThat(serverSide).isEqualTo(unique);
        }
    }

    private static void ensureDefaultSpace(Api v1) {
        if (v1.get("/api/v1/spaces/default").status() == 404) {
            v1.post("/api/v1/spaces", Map.of("name", "default")).ok(201);
        }
    }
}
