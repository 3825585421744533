package io.ipkeeper.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.server.api.Eventually;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Probe before allocate over real HTTP: an agent covering the subnet long-polls for probe requests and answers them
 * as the real agent does (its ARP side is tested in the agent module's netns tests). An answered probe makes the
 * allocator skip the address and records it as in use; no covering agent means no probe; a silent agent delays but
 * never blocks allocation.
 */
@DatabaseTest
class ProbeBeforeAllocateTest {
    private static final String MAC_A = "02:00:5e:10:00:0a";
    private static final String MAC_SQUATTER = "02:00:5e:10:00:5e";

    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private Api agent;
    private String space;
    private long covered;
    private long uncovered;
    private Thread prober;
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final AtomicInteger probed = new AtomicInteger();

    ProbeBeforeAllocateTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 8);
        admin = Api.admin(server);
        space = "lab-" + Long.toString(System.nanoTime(), 36);
        admin.post("/api/v1/spaces", Map.of("name", space)).ok(201);
        covered = admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.0.0/24")).ok(201).get("id").asLong();
        uncovered = admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.1.0/24")).ok(201).get("id").asLong();
        agent = admin.withRole("prober-" + space, "agent");
        agent.post("/api/v1/agents/report", Map.of("space", space, "arpWatch", true, "reportIntervalSeconds", 60,
                "interfaces", List.of(Map.of("name", "eth0", "mac", MAC_A, "addresses", List.of("198.18.0.254/24"))))).ok(200);
        // The test's agent: 198.18.0.1 is held by a host that answers ARP only (the squatter); everything else is free.
        prober = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Api.Res r = agent.get("/api/v1/probes?wait=2");
                if (r.status() != 200) {
                    return;
                }
                for (JsonNode p : r.json().get("probes")) {
                    if (!answering.get()) {
                        continue;
                    }
                    probed.incrementAndGet();
                    List<String> macs = p.get("address").asText().equals("198.18.0.1") ? List.of(MAC_SQUATTER) : List.of();
                    agent.post("/api/v1/probes/" + p.get("id").asLong(),
                            Map.of("answeringMacs", macs, "probesSent", 3)).ok(200);
                }
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        prober.interrupt();
        prober.join(Duration.ofSeconds(10));
        server.close();
    }

    @Test
    void anAnsweredProbeSkipsTheAddressAndRecordsItInUse() {
        JsonNode made = admin.post("/api/v1/subnets/" + covered + "/allocations", Map.of("hostname", "web-1")).ok(201);
        JsonNode a = made.get(0);
        assertThat(a.get("address").asText()).as(".1 answered the probe").isEqualTo("198.18.0.2");
        assertThat(a.get("probe").get("ran").asBoolean()).isTrue();
        assertThat(a.get("probe").get("answeringMacs")).isEmpty();
        assertThat(probed.get()).isEqualTo(2);

        JsonNode seen = admin.get("/api/v1/observations?space=" + space + "&address=198.18.0.1").ok(200).get("results");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("mac").asText()).isEqualTo(MAC_SQUATTER);
        assertThat(seen.get(0).get("source").asText()).isEqualTo("probe");
        Eventually.until(Duration.ofSeconds(30), "the squatter's conflict", () -> admin.get("/api/v1/conflicts?space="
                + space + "&kind=unallocated_in_use").ok(200).get("results").findValuesAsText("address").contains("198.18.0.1"));
    }

    @Test
    void withoutACoveringAgentNothingIsProbed() {
        JsonNode a = admin.post("/api/v1/subnets/" + uncovered + "/allocations", Map.of()).ok(201).get(0);
        assertThat(a.get("address").asText()).isEqualTo("198.18.1.1");
        assertThat(a.get("probe").get("ran").asBoolean()).isFalse();
        assertThat(probed.get()).isZero();
    }

    @Test
    void aSilentAgentDelaysButDoesNotBlockAllocation() {
        answering.set(false);
        JsonNode a = admin.post("/api/v1/subnets/" + covered + "/allocations", Map.of()).ok(201).get(0);
        assertThat(a.get("probe").get("state").asText()).isEqualTo("expired");
        assertThat(a.get("address").asText()).isEqualTo("198.18.0.1");
    }

    @Test
    void answersMustBeForAClaimedRequestAndWellFormed() {
        assertThat(agent.post("/api/v1/probes/987654", Map.of("answeringMacs", List.of())).problem(409)
                .get("detail").asText()).contains("not waiting");
        assertThat(agent.post("/api/v1/probes/987654", Map.of("answeringMacs", List.of("nope"))).problem(422)
                .get("detail").asText()).contains("answeringMacs[0]");
        assertThat(agent.post("/api/v1/probes/987654", Map.of()).problem(422).get("detail").asText())
                .contains("answeringMacs");
        Api stranger = admin.withRole("never-reported-" + space, "agent");
        assertThat(stranger.get("/api/v1/probes").problem(409).get("detail").asText()).contains("has not reported");
    }

    @Test
    void switchedOffForTheSpaceNothingIsProbedAndSwitchedOnAgainItIs() {
        JsonNode before = admin.get("/api/v1/spaces/" + space).ok(200);
        assertThat(before.get("probeBeforeAllocate").asBoolean()).as("on by default").isTrue();
        String etag = admin.get("/api/v1/spaces/" + space).header("ETag");

        JsonNode off = admin.patch("/api/v1/spaces/" + space, Map.of("probeBeforeAllocate", false),
                Map.of("If-Match", etag)).ok(200);
        assertThat(off.get("probeBeforeAllocate").asBoolean()).isFalse();
        JsonNode a = admin.post("/api/v1/subnets/" + covered + "/allocations", Map.of()).ok(201).get(0);
        assertThat(a.get("probe").get("ran").asBoolean()).as("the space's probing is off").isFalse();
        assertThat(a.get("address").asText()).as("not probed, so the silent holder is not found").isEqualTo("198.18.0.1");
        assertThat(probed.get()).isZero();
        assertThat(admin.get("/api/v1/audit?action=space.probe-setting").ok(200).get("count").asInt()).isEqualTo(1);

        // the old ETag is stale now: the switch is part of what If-Match guards
        assertThat(admin.patch("/api/v1/spaces/" + space, Map.of("probeBeforeAllocate", true), Map.of("If-Match", etag))
                .problem(412).get("detail").asText()).contains("changed since you read it");
        admin.patch("/api/v1/spaces/" + space, Map.of("probeBeforeAllocate", true), Map.of()).ok(200);
        JsonNode b = admin.post("/api/v1/subnets/" + covered + "/allocations", Map.of()).ok(201).get(0);
        assertThat(b.get("probe").get("ran").asBoolean()).isTrue();
        assertThat(probed.get()).isEqualTo(1);
    }

    @Test
    void theSwitchIsSetAtCreationAndABadValueChangesNothing() {
        String quiet = "quiet-" + space;
        JsonNode created = admin.post("/api/v1/spaces", Map.of("name", quiet, "probeBeforeAllocate", false)).ok(201);
        assertThat(created.get("probeBeforeAllocate").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/spaces?q=" + quiet).ok(200).get("results").get(0).get("probeBeforeAllocate")
                .asBoolean()).isFalse();

        assertThat(admin.patch("/api/v1/spaces/" + space, Map.of("name", "renamed-" + space, "probeBeforeAllocate", "no"),
                Map.of()).problem(400).get("detail").asText()).contains("probeBeforeAllocate").contains("true or false");
        JsonNode unchanged = admin.get("/api/v1/spaces/" + space).ok(200);
        assertThat(unchanged.get("name").asText()).as("the rename in the refused patch did not happen").isEqualTo(space);
        assertThat(unchanged.get("probeBeforeAllocate").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/openapi.json").text()).contains("probeBeforeAllocate");
    }
}
