package io.ipkeeper.testkit.peers;

import static io.ipkeeper.testkit.peers.GoPeer.aboutNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two real Serf agents and the Go test peer in Serf mode: membership, tags, user events both ways, leave as left. */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerfInteropTest {

    private static final Duration GENEROUS = Duration.ofSeconds(40);

    private SerfAgent serf1;
    private SerfAgent serf2;
    private GoPeer go;

    @BeforeAll
    void startCluster() {
        serf1 = SerfAgent.builder("serf-1").tag("role", "web").start();
        serf2 = SerfAgent.builder("serf-2").tag("role", "db").start();
        serf2.join(serf1.address());
        go = GoPeer.builder("go-serfish").serf().tag("role", "x").join(serf1).start();
        assertThat(go.events("joined").getFirst().path("contacted").asInt()).isEqualTo(1);
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable c : new AutoCloseable[] {go, serf2, serf1}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort: the shutdown hook is the last resort
            }
        }
    }

    @Test
    void serfListsTheGoPeerAliveWithItsTags() {
        for (SerfAgent agent : List.of(serf1, serf2)) {
            SerfAgent.Member member = agent.awaitMember("go-serfish", SerfAgent.Member::alive, GENEROUS);
            assertThat(member.tags()).isEqualTo(Map.of("role", "x"));
            assertThat(member.addr()).isEqualTo(go.address());
        }
        go.awaitAlive(List.of("go-serfish", "serf-1", "serf-2"), GENEROUS);
    }

    @Test
    void aSerfUserEventReachesTheGoPeer() {
        serf2.event("deploy", "v1");

        JsonNode msg = go.awaitEvent("user_msg", e -> e.path("name").asText().equals("deploy"), GENEROUS);
        assertThat(msg.path("serf").asText()).isEqualTo("user_event");
        assertThat(msg.path("payload").asText()).isEqualTo("v1");
    }

    @Test
    void aUserEventFromTheGoPeerReachesEverySerfAgent() {
        long ltime = go.event("hello-from-go", "payload with spaces");

        for (SerfAgent agent : List.of(serf1, serf2)) {
            SerfAgent.Event event = agent.awaitUserEvent("hello-from-go", GENEROUS);
            assertThat(event.payload()).isEqualTo("payload with spaces");
            assertThat(event.ltime()).isEqualTo(ltime);
        }
    }

    @Test
    void aSerfAgentThatLeavesIsReportedLeftByTheGoPeer() {
        try (SerfAgent serf3 = SerfAgent.builder("serf-3").start()) {
            serf3.join(serf1.address());
            go.awaitEvent("join", aboutNode("serf-3"), GENEROUS);

            serf3.leave();

            assertThat(serf3.isAlive()).isFalse();
            JsonNode leave = go.awaitEvent("leave", aboutNode("serf-3"), GENEROUS);
            assertThat(leave.path("state").asText()).isEqualTo("left");
            serf1.awaitMemberStatus("serf-3", "left", GENEROUS);
        }
    }

    @Test
    void aGracefulStopOfAGoPeerShowsAsLeftInSerf() {
        try (GoPeer leaver = GoPeer.builder("go-leaver").serf().join(serf2).start()) {
            serf1.awaitMember("go-leaver", SerfAgent.Member::alive, GENEROUS);

            assertThat(leaver.stop()).isZero();

            // Without the leave intent Serf would show "failed" for good (reaping only after 24 h). An agent that
            // happens to get memberlist's dead message before the intent shows "failed" for a moment, as with real
            // Serf nodes, so only the final status is checked.
            for (SerfAgent agent : List.of(serf1, serf2)) {
                agent.awaitMemberStatus("go-leaver", "left", GENEROUS);
            }
        }
    }
}
