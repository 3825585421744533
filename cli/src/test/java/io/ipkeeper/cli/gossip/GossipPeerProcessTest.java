package io.ipkeeper.cli.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.testkit.peers.FreePorts;
import io.ipkeeper.testkit.peers.GoPeer;
import io.ipkeeper.testkit.peers.SerfAgent;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipkeeper gossip} as a process, started with exactly the flags the Go peer fixture gives the Go test peer: it
 * joins Go peers and prints the same events (every field the Go peer prints, at least), obeys the same stdin commands,
 * and stops gracefully on SIGTERM.
 */
@Tag("interop")
class GossipPeerProcessTest {
    private static final Duration TIMEOUT = GoPeer.DEFAULT_TIMEOUT;

    @TempDir
    Path logs;

    /** The command line {@code GoPeer.Builder} builds for the Go binary. */
    private static List<String> goPeerFlags(String name, int port, String join, String... extra) {
        List<String> args = new ArrayList<>(List.of("-name", name, "-bind", "127.0.0.1", "-port", Integer.toString(port),
                "-profile", "local", "-members-every", "0ms", "-exit-on-eof"));
        if (join != null) {
            args.addAll(List.of("-join", join));
        }
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void joinsGoPeersPrintsTheSameEventsAndLeavesOnSigterm() throws Exception {
        try (GoPeer go = GoPeer.builder("go-a").start();
                GossipProcess java = GossipProcess.start("java-1", logs,
                        goPeerFlags("java-1", FreePorts.allocate(), go.address()))) {
            JsonNode started = java.awaitEvent("started", e -> true);
            assertThat(started.path("node").asText()).isEqualTo("java-1");
            assertSameFields(go.events("started").getFirst(), started);

            JsonNode joined = java.awaitEvent("joined", e -> true);
            assertThat(joined.path("contacted").asInt()).as("joined: %s", joined).isEqualTo(1);
            assertThat(joined.path("peers").get(0).asText()).isEqualTo(go.address());

            JsonNode join = java.awaitEvent("join", e -> e.path("node").asText().equals("go-a"));
            JsonNode goSide = go.awaitEvent("join", GoPeer.aboutNode("java-1"), TIMEOUT);
            assertSameFields(goSide, join);
            assertThat(goSide.path("state").asText()).isEqualTo("alive");

            // Both directions of user messages, TCP and UDP.
            java.command("send go-a hello from java");
            assertThat(go.awaitEvent("user_msg", e -> e.path("text").asText().equals("hello from java"), TIMEOUT)
                    .path("len").asInt()).isEqualTo(15);
            go.send("java-1", "hello from go");
            JsonNode msg = java.awaitEvent("user_msg", e -> e.path("text").asText().equals("hello from go"));
            assertSameFields(go.awaitEvent("user_msg", e -> true, TIMEOUT), msg);
            java.command("send-udp go-a datagram");
            go.awaitEvent("user_msg", e -> e.path("text").asText().equals("datagram"), TIMEOUT);

            // members: printed before the ack, the same shape as the Go peer's.
            java.command("members");
            JsonNode members = java.events("members").getLast();
            assertThat(members.path("count").asInt()).isEqualTo(2);
            go.members();
            JsonNode goMembers = go.events("members").getLast();
            assertSameFields(goMembers, members);
            assertSameFields(goMembers.path("members").get(0), members.path("members").get(0));

            // Commands that fail answer with an error naming why, as the Go peer's.
            assertThat(java.reply("send nobody hi").path("err").asText()).contains("no live member");
            assertThat(java.reply("event deploy v1").path("err").asText()).isEqualTo("event needs -serf");
            assertThat(java.reply("bogus").path("err").asText()).isEqualTo("unknown command \"bogus\"");

            // SIGTERM: a signal event, a graceful leave the Go peer sees as "left", exit 0.
            assertThat(java.stop()).isZero();
            assertThat(java.events("signal").getFirst().path("signal").asText()).isEqualTo("terminated");
            JsonNode leave = go.awaitEvent("leave", GoPeer.aboutNode("java-1"), TIMEOUT);
            assertThat(leave.path("state").asText()).isEqualTo("left");
        }
    }

    @Test
    void rotatesKeysAndExchangesSerfEventsWithGoPeers() throws Exception {
        String oldKey = "AAECAwQFBgcICQoLDA0ODw==";
        String newKey = "EBESExQVFhcYGRobHB0eHw==";
        try (GoPeer go = GoPeer.builder("go-a").serf().tag("role", "go").key(oldKey).start();
                GossipProcess java = GossipProcess.start("java-1", logs, goPeerFlags("java-1", FreePorts.allocate(),
                        go.address(), "-serf", "-tags", "role=java", "-key", oldKey))) {
            assertThat(java.awaitEvent("joined", e -> true).path("contacted").asInt()).isEqualTo(1);
            go.awaitEvent("join", e -> e.path("node").asText().equals("java-1")
                    && e.path("vsn").toString().equals("[1,5,2,2,5,5]"), TIMEOUT);

            // Serf user events, both ways, decoded in user_msg as the Go peer decodes them.
            long lTime = go.event("deploy", "v1");
            JsonNode got = java.awaitEvent("user_msg", e -> e.path("name").asText().equals("deploy"));
            assertThat(got.path("serf").asText()).isEqualTo("user_event");
            assertThat(got.path("payload").asText()).isEqualTo("v1");
            assertThat(got.path("ltime").asLong()).isEqualTo(lTime);
            assertThat(got.path("first").asBoolean()).isTrue();
            assertThat(java.command("event restart now").path("ltime").asLong()).isPositive();
            JsonNode sent = go.awaitEvent("user_msg", e -> e.path("name").asText().equals("restart"), TIMEOUT);
            assertThat(sent.path("payload").asText()).isEqualTo("now");

            // Key rotation through stdin on both.
            go.keyInstall(newKey);
            java.command("key install " + newKey);
            go.keyUse(newKey);
            java.command("key use " + newKey);
            go.keyRemove(oldKey);
            java.command("key remove " + oldKey);
            assertThat(java.command("key list").path("keys").toString()).isEqualTo("[\"" + newKey + "\"]");
            assertThat(java.reply("key remove " + newKey).path("err").asText()).contains("primary");
            java.command("send go-a after rotation");
            // With -serf the Go peer shows a non-Serf message by its first byte and hex only ('a' = serf_type 97).
            go.awaitEvent("user_msg", e -> e.path("hex").asText()
                    .equals(HexFormat.of().formatHex("after rotation".getBytes(StandardCharsets.UTF_8))), TIMEOUT);

            java.command("leave");
            JsonNode leave = go.awaitEvent("leave", GoPeer.aboutNode("java-1"), TIMEOUT);
            assertThat(leave.path("state").asText()).isEqualTo("left");
            assertThat(go.events("user_msg")).as("the Serf leave intent came first")
                    .anyMatch(e -> e.path("serf").asText().equals("leave") && e.path("node").asText().equals("java-1"));
            assertThat(go.events("leave")).noneMatch(e -> e.path("state").asText().equals("dead"));
            assertThat(java.stop()).isZero();
        }
    }

    @Test
    void serfAgentsListItWithItsTagsExchangeEventsAndSeeItLeft() throws Exception {
        try (SerfAgent serf1 = SerfAgent.builder("serf-1").tag("role", "web").start();
                SerfAgent serf2 = SerfAgent.builder("serf-2").tag("role", "db").start()) {
            serf2.join(serf1.address());
            try (GossipProcess java = GossipProcess.start("java-1", logs, goPeerFlags("java-1", FreePorts.allocate(),
                    serf1.address(), "-serf", "-tags", "role=java"))) {
                assertThat(java.awaitEvent("joined", e -> true).path("contacted").asInt()).isEqualTo(1);
                for (SerfAgent agent : List.of(serf1, serf2)) {
                    SerfAgent.Member me = agent.awaitMember("java-1", SerfAgent.Member::alive, TIMEOUT);
                    assertThat(me.tags()).isEqualTo(Map.of("role", "java"));
                }
                serf2.event("deploy", "v7");
                JsonNode got = java.awaitEvent("user_msg", e -> e.path("name").asText().equals("deploy"));
                assertThat(got.path("payload").asText()).isEqualTo("v7");
                java.command("event from-java hi");
                for (SerfAgent agent : List.of(serf1, serf2)) {
                    assertThat(agent.awaitUserEvent("from-java", TIMEOUT).payload()).isEqualTo("hi");
                }
                assertThat(java.stop()).isZero();
                for (SerfAgent agent : List.of(serf1, serf2)) {
                    agent.awaitMemberStatus("java-1", "left", TIMEOUT);
                }
            }
        }
    }

    /** {@code java} carries every field {@code go} has (it may add some). */
    private static void assertSameFields(JsonNode go, JsonNode java) {
        Set<String> goFields = new HashSet<>();
        go.fieldNames().forEachRemaining(goFields::add);
        Set<String> javaFields = new HashSet<>();
        java.fieldNames().forEachRemaining(javaFields::add);
        assertThat(javaFields).as("fields of %s vs the Go peer's %s", java, go).containsAll(goFields);
    }
}
