package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.AntiEntropy;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.internal.protocol.SimCluster.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Digest anti-entropy ({@link AntiEntropy#DIGEST}) on the in-memory network: it repairs what gossip never delivered,
 * costs only digests while views agree, and leaves peers without the capability (Go memberlist) on plain push/pull.
 */
class DigestAntiEntropyTest {
    private static final Set<String> FOUR = Set.of("node-0", "node-1", "node-2", "node-3");
    /** Periodic push/pull off, so only the digest rounds can repair anything. */
    private static final UnaryOperator<GossipConfig.Builder> DIGEST_ONLY = b -> b.antiEntropy(AntiEntropy.DIGEST)
            .pushPullInterval(Duration.ZERO);
    private static final UnaryOperator<GossipConfig.Builder> NO_REPAIR = b -> b.pushPullInterval(Duration.ZERO);

    @Test
    void anUpdateThatGossipNeverDeliveredIsRepairedByDigestRounds() {
        SimCluster c = new SimCluster(40);
        Node deaf = deafNodeMissesAnUpdate(c, DIGEST_ONLY);

        boolean repaired = c.runUntil(() -> "v2".equals(metaOf(deaf, "node-1")), Duration.ofSeconds(10));

        assertThat(repaired).as("node-3 learns node-1's new meta within 10 virtual seconds").isTrue();
        assertThat(deaf.metrics.digestRecordsReceived + c.all().stream()
                .mapToInt(n -> n.metrics.digestRecordsReceived).sum()).isPositive();
        assertThat(c.all()).allSatisfy(n -> assertThat(n.metrics.periodicPushPulls).isZero());
    }

    @Test
    void withoutDigestRoundsTheSameMissedUpdateIsNeverRepaired() {
        // Control for the test above: the same cluster, memberlist anti-entropy with push/pull off.
        SimCluster c = new SimCluster(40);
        Node deaf = deafNodeMissesAnUpdate(c, NO_REPAIR);

        c.run(Duration.ofSeconds(30));

        assertThat(metaOf(c.node("node-2"), "node-1")).isEqualTo("v2");
        assertThat(metaOf(deaf, "node-1")).isEmpty();
    }

    @Test
    void whileViewsAgreeRoundsExchangeOnlyDigests() {
        SimCluster c = new SimCluster(41);
        List<Node> nodes = c.startJoined(4, b -> b.antiEntropy(AntiEntropy.DIGEST));
        c.runUntil(() -> c.allSeeAlive(nodes, FOUR), Duration.ofSeconds(15));
        c.run(Duration.ofSeconds(5));
        nodes.forEach(n -> n.metrics.digestRecordsReceived = 0);
        int roundsBefore = nodes.stream().mapToInt(n -> n.metrics.digestRoundsInSync).sum();

        c.run(Duration.ofSeconds(30));

        int inSync = nodes.stream().mapToInt(n -> n.metrics.digestRoundsInSync).sum() - roundsBefore;
        // One round per node per second (antiEntropyInterval 1 s): about 120 in 30 s.
        assertThat(inSync).isBetween(100, 130);
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.metrics.digestRecordsReceived).isZero();
            assertThat(n.metrics.digestRoundsFailed).isZero();
            assertThat(n.metrics.periodicPushPulls).as("no full push/pull between capable peers").isZero();
        });
    }

    @Test
    void aPeerWithoutTheCapabilityGetsPushPullAndNeverADigest() {
        SimCluster c = new SimCluster(42);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(c.add("node-" + i, b -> b.antiEntropy(AntiEntropy.DIGEST).pushPullInterval(Duration.ofSeconds(5))));
        }
        // Like a Go memberlist node: plain memberlist anti-entropy, no capability byte.
        Node plain = c.add("node-3", b -> b.pushPullInterval(Duration.ofSeconds(5)));
        nodes.add(plain);
        c.run(Duration.ofMillis(10));
        for (Node n : nodes.subList(1, 4)) {
            n.memberlist.joinAsync(List.of(nodes.getFirst().address()));
        }
        c.runUntil(() -> c.allSeeAlive(nodes, FOUR), Duration.ofSeconds(15));

        c.run(Duration.ofSeconds(60));

        assertThat(nodes.subList(0, 3)).allSatisfy(n -> {
            assertThat(n.metrics.digestRoundsFailed).isZero();
            assertThat(n.metrics.digestRoundsInSync).isPositive();
        });
        // The digest nodes still push/pull, only with node-3 (and node-3 with anyone).
        assertThat(nodes.subList(0, 3).stream().mapToInt(n -> n.metrics.periodicPushPulls).sum()).isPositive();
        assertThat(plain.metrics.periodicPushPulls).isPositive();
        assertThat(c.allSeeAlive(nodes, FOUR)).isTrue();
    }

    /**
     * Four nodes; then no UDP reaches node-3 any more (probes of it still succeed over the TCP fallback, so it stays
     * alive) and node-1 changes its meta: node-3 hears none of the gossip. Returns node-3.
     */
    private static Node deafNodeMissesAnUpdate(SimCluster c, UnaryOperator<GossipConfig.Builder> config) {
        List<UdpBlocker> blockers = clusterOfFour(c, config);
        Node deaf = c.node("node-3");
        blockers.forEach(b -> b.block(deaf.address()));
        updateMeta(c.node("node-1"), "v2");
        return deaf;
    }

    private static List<UdpBlocker> clusterOfFour(SimCluster c, UnaryOperator<GossipConfig.Builder> config) {
        List<UdpBlocker> blockers = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(c.add("node-" + i, config, t -> {
                UdpBlocker b = new UdpBlocker(t);
                blockers.add(b);
                return b;
            }));
        }
        c.run(Duration.ofMillis(10));
        for (Node n : nodes.subList(1, 4)) {
            n.memberlist.joinAsync(List.of(nodes.getFirst().address()));
        }
        boolean joined = c.runUntil(() -> c.allSeeAlive(nodes, FOUR), Duration.ofSeconds(15));
        assertThat(joined).isTrue();
        c.run(Duration.ofSeconds(5));
        return blockers;
    }

    private static void updateMeta(Node n, String meta) {
        n.delegate.meta = meta.getBytes(StandardCharsets.UTF_8);
        n.memberlist.updateNode();
    }

    private static String metaOf(Node observer, String name) {
        Member m = observer.view(name);
        return m == null || m.meta() == null ? "" : new String(m.meta(), StandardCharsets.UTF_8);
    }

    @Test
    void aRoundRepairsAtMost32BucketsChosenAtRandomFromThoseThatDiffer() {
        java.util.BitSet many = new java.util.BitSet();
        many.set(0, 200);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        java.util.BitSet first = DigestExchange.capped(many, DigestExchange.MAX_BUCKETS_PER_ROUND, random);
        java.util.BitSet second = DigestExchange.capped(many, DigestExchange.MAX_BUCKETS_PER_ROUND, random);
        assertThat(first.cardinality()).isEqualTo(32);
        assertThat(second.cardinality()).isEqualTo(32);
        assertThat(first).isNotEqualTo(second);
        java.util.BitSet outside = (java.util.BitSet) first.clone();
        outside.andNot(many);
        assertThat(outside.isEmpty()).as("only buckets that differ").isTrue();
        java.util.BitSet few = new java.util.BitSet();
        few.set(5);
        few.set(9);
        assertThat(DigestExchange.capped(few, 32, random)).isEqualTo(few);
    }
}
