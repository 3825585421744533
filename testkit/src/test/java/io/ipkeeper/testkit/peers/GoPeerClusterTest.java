package io.ipkeeper.testkit.peers;

import static io.ipkeeper.testkit.peers.GoPeer.aboutNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real Go memberlist peers form a cluster, notice a crash, and tell a graceful leave from it. */
@Tag("interop")
class GoPeerClusterTest {

    private static final Duration GENEROUS = Duration.ofSeconds(40);

    @Test
    void threePeersFormAClusterAndReportAKilledPeerDeadAndAStoppedPeerLeft() {
        try (GoPeer a = GoPeer.builder("go-a").start();
                GoPeer b = GoPeer.builder("go-b").join(a).start();
                GoPeer c = GoPeer.builder("go-c").join(a).start()) {
            List<String> all = List.of("go-a", "go-b", "go-c");
            for (GoPeer peer : List.of(a, b, c)) {
                List<GoPeer.Member> members = peer.awaitAlive(all, GENEROUS);
                assertThat(members).extracting(GoPeer.Member::port).containsExactly(a.port(), b.port(), c.port());
            }

            c.kill();
            for (GoPeer survivor : List.of(a, b)) {
                JsonNode leave = survivor.awaitEvent("leave", aboutNode("go-c"), GENEROUS);
                assertThat(leave.path("state").asText()).as("a crashed peer is dead, not left").isEqualTo("dead");
                survivor.awaitAlive(List.of("go-a", "go-b"), GENEROUS);
            }

            assertThat(b.stop()).as("exit code after SIGTERM").isZero();
            JsonNode leave = a.awaitEvent("leave", aboutNode("go-b"), GENEROUS);
            assertThat(leave.path("state").asText()).as("a graceful stop is a leave").isEqualTo("left");
            assertThat(b.events("signal")).singleElement()
                    .satisfies(e -> assertThat(e.path("signal").asText()).isEqualTo("terminated"));
        }
    }
}
