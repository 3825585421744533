package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.internal.protocol.SimCluster.Node;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Automatic re-join: a healed partition merges again with no operator action, without a join storm. */
class PartitionRejoinTest {
    private static final Set<String> SIX = Set.of("node-0", "node-1", "node-2", "node-3", "node-4", "node-5");

    @Test
    void twoGroupsMergeAgainAfterAPartitionHealsWithoutAnyOperatorAction() {
        SimCluster c = new SimCluster(20);
        List<Node> nodes = c.startJoined(6);
        c.runUntil(() -> c.allSeeAlive(nodes, SIX), Duration.ofSeconds(15));
        List<Node> left = nodes.subList(0, 3);
        List<Node> right = nodes.subList(3, 6);
        Set<InetSocketAddress> l = left.stream().map(Node::address).collect(Collectors.toSet());
        Set<InetSocketAddress> r = right.stream().map(Node::address).collect(Collectors.toSet());

        c.network.partition(l, r);
        // Long enough that each side declares the other dead and reaps it (gossipToTheDeadTime 15 s): only a
        // re-join can bring them together again.
        c.run(Duration.ofSeconds(90));
        Set<String> leftNames = Set.of("node-0", "node-1", "node-2");
        assertThat(left).allSatisfy(n -> assertThat(n.alive()).isEqualTo(leftNames));
        assertThat(right).allSatisfy(n -> assertThat(n.alive()).isEqualTo(Set.of("node-3", "node-4", "node-5")));
        c.network.heal();
        boolean merged = c.runUntil(() -> c.allSeeAlive(nodes, SIX), Duration.ofSeconds(120));

        assertThat(merged).as("all six see all six alive within 120 virtual seconds of the heal").isTrue();
        int rejoins = nodes.stream().mapToInt(n -> n.metrics.rejoinsSucceeded).sum();
        assertThat(rejoins).as("the merge came from automatic re-joins").isPositive();
    }

    @Test
    void withoutReJoinTheSameHealedPartitionStaysSplitAsInMemberlist() {
        // Control for the test above: re-join effectively off (a day between attempts).
        SimCluster c = new SimCluster(20);
        List<Node> nodes = c.startJoined(6, b -> b.rejoinInterval(Duration.ofDays(1)));
        c.runUntil(() -> c.allSeeAlive(nodes, SIX), Duration.ofSeconds(15));
        Set<InetSocketAddress> l = nodes.subList(0, 3).stream().map(Node::address).collect(Collectors.toSet());
        Set<InetSocketAddress> r = nodes.subList(3, 6).stream().map(Node::address).collect(Collectors.toSet());

        c.network.partition(l, r);
        c.run(Duration.ofSeconds(90));
        c.network.heal();
        c.run(Duration.ofSeconds(120));

        assertThat(c.node("node-0").alive()).isEqualTo(Set.of("node-0", "node-1", "node-2"));
    }

    @Test
    void reJoinTriesAtMostOneTargetPerIntervalWhileSeedsAreUnreachable() {
        SimCluster c = new SimCluster(21);
        Node lonely = c.add("lonely");
        Node seedA = c.add("seed-a");
        Node seedB = c.add("seed-b");
        seedA.memberlist.shutdown();
        seedB.memberlist.shutdown();
        c.run(Duration.ofMillis(10));
        lonely.memberlist.joinAsync(List.of(seedA.address(), seedB.address()));

        c.run(Duration.ofMinutes(10));

        // rejoinInterval 30 s, jittered to at least 22.5 s: at most 600 / 22.5 = 26 attempts in 10 minutes.
        assertThat(lonely.metrics.rejoins).isBetween(15, 27);
        assertThat(lonely.metrics.rejoinsSucceeded).isZero();
    }

    @Test
    void aNodeThatLeftDoesNotReJoin() {
        SimCluster c = new SimCluster(22);
        List<Node> nodes = c.startJoined(2);
        c.runUntil(() -> c.allSeeAlive(nodes, Set.of("node-0", "node-1")), Duration.ofSeconds(10));
        Node n1 = c.node("node-1");
        n1.memberlist.leaveAsync(Duration.ofSeconds(2));
        c.run(Duration.ofSeconds(3));
        c.node("node-0").memberlist.shutdown();

        c.run(Duration.ofMinutes(3));

        assertThat(n1.metrics.rejoins).isZero();
        assertThat(n1.memberlist.localMember().state()).isEqualTo(MemberState.LEFT);
    }
}
