package io.ipkeeper.testkit.peers;

import static io.ipkeeper.testkit.peers.GoPeer.aboutNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The stdin commands of the Go test peer, on a two-peer cluster. */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoPeerCommandsTest {

    private static final Duration GENEROUS = Duration.ofSeconds(40);

    private GoPeer a;
    private GoPeer b;

    @BeforeAll
    void startCluster() {
        a = GoPeer.builder("cmd-a").start();
        b = GoPeer.builder("cmd-b").join(a).start();
        a.awaitAlive(List.of("cmd-a", "cmd-b"), GENEROUS);
    }

    @AfterAll
    void stopCluster() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void sendDeliversAUserMessageOverTcpAndOverUdp() {
        a.send("cmd-b", "hello over tcp");
        a.command("send-udp cmd-b hello over udp");

        assertThat(b.awaitEvent("user_msg", e -> e.path("text").asText().equals("hello over tcp"), GENEROUS)
                .path("len").asInt()).isEqualTo("hello over tcp".length());
        b.awaitEvent("user_msg", e -> e.path("text").asText().equals("hello over udp"), GENEROUS);
    }

    @Test
    void badCommandsAnswerWithAnErrorAndTheNextCommandStillWorks() {
        assertThat(a.sendCommand("frobnicate").path("err").asText()).contains("unknown command");
        assertThat(a.sendCommand("send nobody hi").path("err").asText()).contains("no live member");
        assertThat(a.sendCommand("key install not-base64!").path("err").asText()).contains("base64");
        assertThat(a.sendCommand("key install AAECAwQ=").path("err").asText()).contains("key size");
        assertThat(a.sendCommand("event deploy v1").path("err").asText()).as("events need -serf").contains("-serf");

        assertThat(a.members()).extracting(GoPeer.Member::name).containsExactly("cmd-a", "cmd-b");
    }

    @Test
    void leaveCommandLeavesButKeepsTheProcessRunning() {
        try (GoPeer c = GoPeer.builder("cmd-c").join(a).start()) {
            a.awaitAlive(List.of("cmd-a", "cmd-b", "cmd-c"), GENEROUS);

            c.leave();

            JsonNode leave = a.awaitEvent("leave", aboutNode("cmd-c"), GENEROUS);
            assertThat(leave.path("state").asText()).isEqualTo("left");
            assertThat(c.isAlive()).as("still running after the leave command").isTrue();
            assertThat(c.stop()).isZero();
        }
    }
}
