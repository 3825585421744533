package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.internal.protocol.SimCluster.Node;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Join, failure detection, graceful leave: whole clusters of real nodes in virtual time. */
class ClusterMembershipTest {

    private static final Set<String> FIVE = Set.of("node-0", "node-1", "node-2", "node-3", "node-4");

    @Test
    void joinOfFiveNodesThroughOneSeedConvergesOnEveryNode() {
        SimCluster c = new SimCluster(1);
        List<Node> nodes = c.startJoined(5);

        boolean converged = c.runUntil(() -> c.allSeeAlive(nodes, FIVE), Duration.ofSeconds(10));

        assertThat(converged).as("every node sees all five alive within 10 virtual seconds").isTrue();
        for (Node n : nodes) {
            assertThat(n.events.joins).extracting(Member::name).containsAll(FIVE);
            assertThat(n.memberlist.numMembers()).isEqualTo(5);
        }
    }

    @Test
    void joinReportsContactedSeedsAndAnErrorPerUnreachableSeed() {
        SimCluster c = new SimCluster(2);
        Node a = c.add("a");
        Node b = c.add("b");
        Node gone = c.add("gone");
        gone.memberlist.shutdown();
        c.run(Duration.ofMillis(10));

        CompletableFuture<io.ipkeeper.gossip.JoinResult> result =
                b.memberlist.joinAsync(List.of(a.address(), gone.address()));
        c.run(Duration.ofSeconds(3));

        assertThat(result).isCompleted();
        io.ipkeeper.gossip.JoinResult r = result.join();
        assertThat(r.contacted()).isEqualTo(1);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.errors()).containsOnlyKeys(gone.address());
        assertThat(r.errors().get(gone.address())).contains("timed out");
    }

    @Test
    void crashedNodeIsSuspectedThenDeclaredDeadByEveryOtherNode() {
        SimCluster c = new SimCluster(3);
        List<Node> nodes = c.startJoined(5);
        c.runUntil(() -> c.allSeeAlive(nodes, FIVE), Duration.ofSeconds(10));
        Node victim = c.node("node-3");
        List<Node> survivors = nodes.stream().filter(n -> n != victim).toList();

        victim.memberlist.shutdown(); // a crash: nothing is sent
        boolean suspected = c.runUntil(() -> survivors.stream().anyMatch(n -> n.stateOf("node-3") == MemberState.SUSPECT),
                Duration.ofSeconds(10));
        boolean dead = c.runUntil(() -> survivors.stream().allMatch(n -> n.stateOf("node-3") == MemberState.DEAD),
                Duration.ofSeconds(30));

        assertThat(suspected).as("suspected before being declared dead").isTrue();
        assertThat(dead).as("all survivors declare it dead within 40 virtual seconds").isTrue();
        for (Node n : survivors) {
            assertThat(n.events.leavesOf("node-3")).singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo(MemberState.DEAD));
        }
        assertThat(survivors.stream().mapToInt(n -> n.metrics.probesFailed).sum()).isPositive();
    }

    @Test
    void gracefulLeaveReachesEveryNodeAsLeftNotDead() {
        SimCluster c = new SimCluster(4);
        List<Node> nodes = c.startJoined(5);
        c.runUntil(() -> c.allSeeAlive(nodes, FIVE), Duration.ofSeconds(10));
        Node leaver = c.node("node-2");
        List<Node> others = nodes.stream().filter(n -> n != leaver).toList();

        CompletableFuture<Boolean> left = leaver.memberlist.leaveAsync(Duration.ofSeconds(5));
        c.runUntil(left::isDone, Duration.ofSeconds(6));
        leaver.memberlist.shutdown();
        c.runUntil(() -> others.stream().allMatch(n -> n.stateOf("node-2") == MemberState.LEFT), Duration.ofSeconds(5));
        c.run(Duration.ofSeconds(20)); // long enough for any wrong failure detection to show up

        assertThat(left).isCompletedWithValue(true);
        for (Node n : others) {
            assertThat(n.events.leavesOf("node-2")).as(n.name + " sees one departure, a graceful one").singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo(MemberState.LEFT));
        }
        assertThat(leaver.memberlist.localMember().state()).isEqualTo(MemberState.LEFT);
    }

    @Test
    void blockingJoinOnTheProtocolThreadFailsClearlyInsteadOfHanging() {
        SimCluster c = new SimCluster(6);
        Node a = c.add("a");
        Node b = c.add("b");
        c.run(Duration.ofMillis(10)); // the test thread is now the protocol thread of both nodes

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.memberlist.join(List.of(a.address())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("joinAsync");
    }

    @Test
    void shutdownWithoutLeaveIsSeenAsAFailure() {
        SimCluster c = new SimCluster(5);
        List<Node> nodes = c.startJoined(3);
        c.runUntil(() -> c.allSeeAlive(nodes, Set.of("node-0", "node-1", "node-2")), Duration.ofSeconds(10));

        c.node("node-1").memberlist.shutdown();
        c.runUntil(() -> c.node("node-0").stateOf("node-1") == MemberState.DEAD
                && c.node("node-2").stateOf("node-1") == MemberState.DEAD, Duration.ofSeconds(30));

        assertThat(c.node("node-0").events.leavesOf("node-1")).extracting(Member::state)
                .containsExactly(MemberState.DEAD);
        assertThat(c.node("node-2").events.leavesOf("node-1")).extracting(Member::state)
                .containsExactly(MemberState.DEAD);
    }
}
