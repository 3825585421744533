package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.internal.protocol.SimCluster.Node;
import io.ipkeeper.gossip.testing.InMemoryNetwork;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Indirect probes, refutation and Lifeguard awareness under lossy links, in virtual time. */
class FailureDetectionTest {
    private static final Set<String> FOUR = Set.of("node-0", "node-1", "node-2", "node-3");
    private static final InMemoryNetwork.Link LOST = new InMemoryNetwork.Link(Duration.ofMillis(1), 1.0);

    /** node-0 cannot reach node-1 directly (every packet and stream between them is lost, both ways). */
    private static SimCluster clusterWithBrokenLink(long seed, int indirectChecks, boolean disableTcpPings) {
        SimCluster c = new SimCluster(seed);
        List<Node> nodes = c.startJoined(4, b -> b.indirectChecks(indirectChecks).disableTcpPings(disableTcpPings));
        c.runUntil(() -> c.allSeeAlive(nodes, FOUR), Duration.ofSeconds(10));
        c.network.link(c.node("node-0").address(), c.node("node-1").address(), LOST);
        c.network.link(c.node("node-1").address(), c.node("node-0").address(), LOST);
        return c;
    }

    @Test
    void indirectProbesThroughOtherMembersKeepANodeAliveThatOneMemberCannotReachDirectly() {
        SimCluster c = clusterWithBrokenLink(10, 2, true);
        Node observer = c.node("node-0");
        long lostBefore = c.network.packetsLost();

        c.run(Duration.ofSeconds(60));

        assertThat(c.network.packetsLost()).as("node-0 did probe node-1 over the broken link").isGreaterThan(lostBefore);
        for (Node n : c.all()) {
            assertThat(n.events.leaves).as("%s saw no departure", n.name).isEmpty();
            assertThat(n.alive()).isEqualTo(FOUR);
        }
        assertThat(observer.metrics.probesFailed).as("every probe of node-1 succeeded indirectly").isZero();
    }

    @Test
    void withoutIndirectProbesTheSameBrokenLinkLeadsToASuspicion() {
        // Control for the test above: the only difference is indirectChecks = 0 (and no TCP fallback).
        SimCluster c = clusterWithBrokenLink(10, 0, true);

        c.run(Duration.ofSeconds(60));

        assertThat(c.node("node-0").metrics.probesFailed).isPositive();
    }

    /** node-0 and node-1 cannot exchange UDP (TCP works); no indirect probes. */
    private static SimCluster clusterWithoutUdpBetweenTwoNodes(boolean disableTcpPings) {
        SimCluster c = new SimCluster(11);
        UdpBlocker[] blockers = new UdpBlocker[2];
        for (int i = 0; i < 3; i++) {
            int idx = i;
            c.add("node-" + i, b -> b.indirectChecks(0).disableTcpPings(disableTcpPings), t -> {
                if (idx < 2) {
                    blockers[idx] = new UdpBlocker(t);
                    return blockers[idx];
                }
                return t;
            });
        }
        c.run(Duration.ofMillis(10));
        c.node("node-1").memberlist.joinAsync(List.of(c.node("node-0").address()));
        c.node("node-2").memberlist.joinAsync(List.of(c.node("node-0").address()));
        c.runUntil(() -> c.allSeeAlive(c.all(), Set.of("node-0", "node-1", "node-2")), Duration.ofSeconds(20));
        blockers[0].block(c.node("node-1").address());
        blockers[1].block(c.node("node-0").address());
        return c;
    }

    @Test
    void tcpFallbackPingKeepsANodeAliveWhenUdpBetweenTwoMembersIsLost() {
        SimCluster c = clusterWithoutUdpBetweenTwoNodes(false);

        c.run(Duration.ofSeconds(60));

        assertThat(c.node("node-0").metrics.probesSent).isPositive();
        assertThat(c.node("node-0").metrics.probesFailed).isZero();
        assertThat(c.node("node-0").events.leavesOf("node-1")).isEmpty();
        assertThat(c.node("node-1").events.leavesOf("node-0")).isEmpty();
    }

    @Test
    void withoutTcpPingsTheSameUdpLossLeadsToASuspicion() {
        SimCluster c = clusterWithoutUdpBetweenTwoNodes(true);

        c.run(Duration.ofSeconds(60));

        assertThat(c.node("node-0").metrics.probesFailed).isPositive();
    }

    @Test
    void aFalselySuspectedNodeRefutesWithAHigherIncarnationAndStaysAlive() {
        SimCluster c = new SimCluster(12);
        List<Node> nodes = c.startJoined(4);
        c.runUntil(() -> c.allSeeAlive(nodes, FOUR), Duration.ofSeconds(10));
        Node paused = c.node("node-3");
        List<Node> others = nodes.stream().filter(n -> n != paused).toList();
        Set<java.net.InetSocketAddress> rest = others.stream().map(Node::address).collect(Collectors.toSet());

        // node-3 stops answering (a long GC pause looks like this from outside) until someone suspects it.
        c.network.partition(Set.of(paused.address()), rest);
        boolean suspected = c.runUntil(() -> others.stream().anyMatch(n -> n.stateOf("node-3") == MemberState.SUSPECT),
                Duration.ofSeconds(10));
        c.network.heal();
        boolean refuted = c.runUntil(() -> others.stream().allMatch(n -> n.stateOf("node-3") == MemberState.ALIVE
                && n.view("node-3").incarnation() > 1), Duration.ofSeconds(10));
        c.run(Duration.ofSeconds(30));

        assertThat(suspected).as("node-3 was suspected while paused").isTrue();
        assertThat(refuted).as("everyone sees node-3 alive again at a higher incarnation").isTrue();
        for (Node n : others) {
            assertThat(n.events.leavesOf("node-3")).as("%s never declared node-3 dead", n.name).isEmpty();
        }
        assertThat(paused.memberlist.localMember().incarnation()).isGreaterThan(1);
    }

    @Test
    void awarenessRisesWhenANodesOwnNetworkIsLossyAndRecoversWhenItHeals() {
        SimCluster c = new SimCluster(13);
        List<Node> nodes = c.startJoined(5, b -> b.indirectChecks(2));
        c.runUntil(() -> c.allSeeAlive(nodes, Set.of("node-0", "node-1", "node-2", "node-3", "node-4")),
                Duration.ofSeconds(10));
        Node sick = c.node("node-0");
        assertThat(sick.memberlist.healthScore()).isZero();

        // Everything node-0 sends is lost: its probes fail and its helpers' nacks never arrive.
        for (Node other : nodes) {
            if (other != sick) {
                c.network.link(sick.address(), other.address(), LOST);
            }
        }
        c.run(Duration.ofSeconds(10));
        int peak = sick.metrics.maxHealth;
        boolean unhealthy = sick.memberlist.healthScore() > 0;
        c.network.defaultLink(new InMemoryNetwork.Link(Duration.ofMillis(1), 0));
        for (Node other : nodes) {
            c.network.link(sick.address(), other.address(), new InMemoryNetwork.Link(Duration.ofMillis(1), 0));
        }
        boolean recovered = c.runUntil(() -> sick.memberlist.healthScore() == 0, Duration.ofSeconds(120));

        assertThat(unhealthy).as("health score rose while node-0's packets were lost").isTrue();
        assertThat(peak).as("failed probes with missing nacks count more than refutations alone").isGreaterThan(1);
        assertThat(sick.metrics.probesFailed).isPositive();
        assertThat(recovered).as("health score back to 0 after the network healed").isTrue();
        for (Node other : nodes) {
            if (other != sick) {
                assertThat(other.memberlist.healthScore()).as("%s stayed healthy", other.name).isZero();
            }
        }
    }
}
