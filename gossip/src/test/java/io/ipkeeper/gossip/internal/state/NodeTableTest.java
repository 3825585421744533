package io.ipkeeper.gossip.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeTableTest {
    private static final long T = 1_000_000_000L;

    private static NodeState node(String name, NodeStatus status, long changedAt) {
        return new NodeState(name, new byte[] {10, 0, 0, 1}, 7946, null, null, 1, status, changedAt);
    }

    @Test
    void newNodesLandAtRandomPositionsNotAlwaysAtTheEnd() {
        Set<String> lastNames = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            NodeTable t = new NodeTable(new SplittableRandom(seed));
            for (int i = 0; i < 10; i++) {
                t.add(node("n" + i, NodeStatus.ALIVE, 0));
            }
            lastNames.add(t.at(t.numNodes() - 1).name());
        }
        assertThat(lastNames).hasSizeGreaterThan(3);
    }

    @Test
    void lookupFindsEveryEntryAcrossIndexGrowth() {
        NodeTable t = new NodeTable(new SplittableRandom(1));
        for (int i = 0; i < 5000; i++) {
            t.add(node("node-" + i, NodeStatus.ALIVE, 0));
        }
        assertThat(t.numNodes()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(t.get("node-" + i).name()).isEqualTo("node-" + i);
        }
        assertThat(t.get("node-5000")).isNull();
    }

    @Test
    void addingAKnownNameIsRejected() {
        NodeTable t = new NodeTable(new SplittableRandom(1));
        t.add(node("a", NodeStatus.ALIVE, 0));
        assertThatThrownBy(() -> t.add(node("a", NodeStatus.ALIVE, 0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reapRemovesOnlyDeadAndLeftOlderThanGossipToTheDeadTimeAndNeverTheKeptName() {
        NodeTable t = new NodeTable(new SplittableRandom(1));
        t.add(node("self", NodeStatus.LEFT, 0));
        t.add(node("alive", NodeStatus.ALIVE, 0));
        t.add(node("suspect", NodeStatus.SUSPECT, 0));
        t.add(node("oldDead", NodeStatus.DEAD, 0));
        t.add(node("oldLeft", NodeStatus.LEFT, 0));
        t.add(node("recentDead", NodeStatus.DEAD, 20 * T));
        int removed = t.reapAndShuffle(50 * T, 30 * T, "self");
        assertThat(removed).isEqualTo(2);
        assertThat(t.entries()).extracting(NodeState::name)
                .containsExactlyInAnyOrder("self", "alive", "suspect", "recentDead");
        assertThat(t.get("oldDead")).isNull();
        assertThat(t.get("oldLeft")).isNull();
        assertThat(t.get("recentDead")).isNotNull();
        assertThat(t.numNodes()).isEqualTo(4);
        assertThat(t.indexedCount()).isEqualTo(4);
    }

    @Test
    void exactlyGossipToTheDeadTimeIsNotYetReaped() {
        NodeTable t = new NodeTable(new SplittableRandom(1));
        t.add(node("d", NodeStatus.DEAD, 0));
        assertThat(t.reapAndShuffle(30 * T, 30 * T, "self")).isZero();
        assertThat(t.reapAndShuffle(30 * T + 1, 30 * T, "self")).isEqualTo(1);
    }

    @Test
    void removeFromIndexKeepsOtherNamesReachable() {
        NodeTable t = new NodeTable(new SplittableRandom(3));
        for (int i = 0; i < 300; i++) {
            t.add(node("n" + i, NodeStatus.ALIVE, 0));
        }
        for (int i = 0; i < 300; i += 3) {
            t.removeFromIndex(t.get("n" + i));
        }
        for (int i = 0; i < 300; i++) {
            if (i % 3 == 0) {
                assertThat(t.get("n" + i)).isNull();
            } else {
                assertThat(t.get("n" + i)).isNotNull();
            }
        }
        assertThat(t.numNodes()).isEqualTo(300);
        assertThat(t.indexedCount()).isEqualTo(200);
    }

    @Test
    void randomNodesAreDistinctAndFiltered() {
        NodeTable t = new NodeTable(new SplittableRandom(5));
        for (int i = 0; i < 100; i++) {
            t.add(node("n" + i, i % 2 == 0 ? NodeStatus.ALIVE : NodeStatus.DEAD, 0));
        }
        List<NodeState> picked = t.randomNodes(3, n -> n.status() == NodeStatus.ALIVE);
        assertThat(picked).hasSize(3).doesNotHaveDuplicates().allMatch(n -> n.status() == NodeStatus.ALIVE);
        NodeTable small = new NodeTable(new SplittableRandom(5));
        small.add(node("x", NodeStatus.ALIVE, 0));
        small.add(node("y", NodeStatus.DEAD, 0));
        assertThat(small.randomNodes(3, n -> n.status() == NodeStatus.ALIVE)).extracting(NodeState::name)
                .containsExactly("x");
    }

    @Test
    void probeWalkSkipsUsAndDeadNodesAndReapsOnWrapAround() {
        Fixture f = new Fixture();
        f.alive(Fixture.alive("a", 1));
        f.alive(Fixture.alive("b", 1));
        f.alive(Fixture.alive("c", 1));
        f.dead(Fixture.dead("c", 1, "a"));
        Set<String> probed = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            NodeSnapshot target = f.m.nextProbeTarget(f.now);
            if (target != null) {
                probed.add(target.name());
            }
        }
        assertThat(probed).containsExactlyInAnyOrder("a", "b");
        f.tick(java.time.Duration.ofSeconds(31));
        for (int i = 0; i < 4; i++) {
            f.m.nextProbeTarget(f.now); // at least one wrap-around
        }
        assertThat(f.m.node("c")).isNull();
        assertThat(f.m.numNodes()).isEqualTo(3);
    }

    @Test
    void probeWalkWithNobodyToProbeReturnsNull() {
        Fixture f = new Fixture();
        assertThat(f.m.nextProbeTarget(f.now)).isNull();
    }
}
