package io.ipkeeper.testkit.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rotating the gossip key through stdin commands, across an encrypted two-peer cluster, with no downtime. */
@Tag("interop")
class GoPeerKeyRotationTest {

    private static final Duration GENEROUS = Duration.ofSeconds(40);
    private static final String OLD_KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String NEW_KEY = "aXBrZWVwZXItcm90YXRlZC1rZXktMzItYnl0ZXMhISE=";

    @Test
    void installUseRemoveRotatesTheKeyWithNoMemberMarkedFailed() {
        try (GoPeer a = GoPeer.builder("key-a").key(OLD_KEY).start();
                GoPeer b = GoPeer.builder("key-b").key(OLD_KEY).join(a).start()) {
            a.awaitAlive(List.of("key-a", "key-b"), GENEROUS);

            for (GoPeer peer : List.of(a, b)) {
                peer.keyInstall(NEW_KEY);
            }
            for (GoPeer peer : List.of(a, b)) {
                peer.keyUse(NEW_KEY);
            }
            for (GoPeer peer : List.of(a, b)) {
                peer.keyRemove(OLD_KEY);
                assertThat(peer.keys()).containsExactly(NEW_KEY);
            }

            // The cluster still talks, now under the new key only: a TCP message both ways, and a newcomer joins.
            a.send("key-b", "after rotation a->b");
            b.send("key-a", "after rotation b->a");
            b.awaitEvent("user_msg", e -> e.path("text").asText().equals("after rotation a->b"), GENEROUS);
            a.awaitEvent("user_msg", e -> e.path("text").asText().equals("after rotation b->a"), GENEROUS);
            try (GoPeer newcomer = GoPeer.builder("key-new").key(NEW_KEY).join(a).start()) {
                assertThat(newcomer.awaitEvent("joined", e -> true, GENEROUS).path("contacted").asInt()).isEqualTo(1);
                newcomer.awaitAlive(List.of("key-a", "key-b", "key-new"), GENEROUS);
            }

            // The old key is gone everywhere: a node that only has it is refused by both.
            try (GoPeer stale = GoPeer.builder("key-stale").key(OLD_KEY).join(a, b).start()) {
                JsonNode joined = stale.awaitEvent("joined", e -> true, GENEROUS);
                assertThat(joined.path("contacted").asInt()).isZero();
                assertThat(joined.path("err").asText()).isNotEmpty();
            }

            for (GoPeer peer : List.of(a, b)) {
                List<JsonNode> leaves = peer.events("leave").stream()
                        .filter(e -> !e.path("node").asText().equals("key-new"))
                        .toList();
                assertThat(leaves).as("%s marked no member failed during the rotation\n%s", peer.name(),
                        peer.diagnostics()).isEmpty();
                assertThat(peer.stderr()).as(peer.name() + "'s memberlist log").doesNotContain("as failed");
            }
        }
    }
}
