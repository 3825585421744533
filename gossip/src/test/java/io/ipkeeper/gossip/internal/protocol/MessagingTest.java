package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.internal.protocol.SimCluster.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** User messages (best effort and reliable), delegate broadcasts, and push/pull user state. */
class MessagingTest {
    private static final Set<String> THREE = Set.of("node-0", "node-1", "node-2");

    private static SimCluster cluster(long seed) {
        SimCluster c = new SimCluster(seed);
        List<Node> nodes = c.startJoined(3);
        c.runUntil(() -> c.allSeeAlive(nodes, THREE), Duration.ofSeconds(10));
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bestEffortMessageReachesItsTargetOnly() {
        SimCluster c = cluster(30);
        Member target = c.node("node-0").view("node-2");

        c.node("node-0").memberlist.sendBestEffort(target, utf8("hello over udp"));
        c.run(Duration.ofSeconds(1));

        assertThat(c.node("node-2").delegate.messages).containsExactly("hello over udp");
        assertThat(c.node("node-1").delegate.messages).isEmpty();
    }

    @Test
    void reliableMessageLargerThanAPacketArrivesWhole() {
        SimCluster c = cluster(31);
        Member target = c.node("node-1").view("node-0");
        String big = "x".repeat(10_000);

        CompletableFuture<Void> sent = c.node("node-1").memberlist.sendReliable(target, utf8(big));
        c.run(Duration.ofSeconds(1));

        assertThat(sent).isCompleted();
        assertThat(c.node("node-0").delegate.messages).containsExactly(big);
    }

    @Test
    void bestEffortRefusesWhatCannotFitAPacket() {
        SimCluster c = cluster(32);
        Member target = c.node("node-1").view("node-0");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> c.node("node-1").memberlist.sendBestEffort(target, new byte[5_000]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendReliable");
    }

    @Test
    void delegateBroadcastsArePiggyBackedToOtherMembers() {
        SimCluster c = cluster(33);
        c.node("node-0").delegate.pendingBroadcasts.add(utf8("news"));

        c.run(Duration.ofSeconds(2));

        boolean reached = c.node("node-1").delegate.messages.contains("news")
                || c.node("node-2").delegate.messages.contains("news");
        assertThat(reached).isTrue();
        assertThat(c.node("node-0").delegate.pendingBroadcasts).isEmpty();
    }

    @Test
    void pushPullCarriesDelegateStateOnJoinAndPeriodically() {
        SimCluster c = new SimCluster(34);
        Node a = c.add("a");
        Node b = c.add("b");
        a.delegate.localState = "state-of-a";
        b.delegate.localState = "state-of-b";
        c.run(Duration.ofMillis(10));

        b.memberlist.joinAsync(List.of(a.address()));
        c.run(Duration.ofSeconds(1));

        assertThat(b.delegate.remoteStates).containsExactly("state-of-a");
        assertThat(b.delegate.remoteStateJoin).containsExactly(true);
        assertThat(a.delegate.remoteStates).containsExactly("state-of-b");
        assertThat(a.delegate.remoteStateJoin).containsExactly(true);

        c.run(Duration.ofSeconds(40)); // pushPullInterval 15 s (local): periodic exchanges, not joins
        assertThat(b.delegate.remoteStateJoin.subList(1, b.delegate.remoteStateJoin.size())).isNotEmpty()
                .containsOnly(false);
        assertThat(b.metrics.pushPulls + a.metrics.pushPulls).isGreaterThan(2);
    }

    @Test
    void aJoiningNodeLearnsTheWholeClusterFromTheJoinExchangeItself() {
        SimCluster c = cluster(35);
        Node newcomer = c.add("newcomer");
        c.run(Duration.ofMillis(10));

        CompletableFuture<?> join = newcomer.memberlist.joinAsync(List.of(c.node("node-2").address()));
        c.runUntil(join::isDone, Duration.ofSeconds(1));

        // Right after the one state exchange, before any gossip could have told it anything.
        assertThat(join).isCompleted();
        assertThat(newcomer.alive()).isEqualTo(Set.of("node-0", "node-1", "node-2", "newcomer"));
    }
}
