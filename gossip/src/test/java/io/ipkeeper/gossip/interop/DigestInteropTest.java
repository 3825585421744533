package io.ipkeeper.gossip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.AntiEntropy;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.serf.Serf;
import io.ipkeeper.testkit.Await;
import io.ipkeeper.testkit.peers.FreePorts;
import io.ipkeeper.testkit.peers.GoPeer;
import io.ipkeeper.testkit.peers.SerfAgent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Digest anti-entropy ({@link AntiEntropy#DIGEST}) in clusters with real Go memberlist 0.2.2 and Serf 0.9.4 peers:
 * the capability byte in our {@code Vsn} is accepted by Go, Java nodes repair each other by digest while Go peers get
 * only the memberlist push/pull they understand (no "invalid msgType" in their logs), and a Go peer echoing our record
 * with six Vsn bytes does not make us refute (our incarnation stays 1).
 */
@Tag("interop")
class DigestInteropTest {
    private static final Duration TIMEOUT = GoPeer.DEFAULT_TIMEOUT;
    private static final Set<String> ALL = Set.of("go-a", "go-b", "java-1", "java-2", "java-3");

    /** Counts what the Java node did (called on its protocol thread, read by the test). */
    private static final class Counters implements GossipMetrics {
        final AtomicInteger digestInSync = new AtomicInteger();
        final AtomicInteger digestFailed = new AtomicInteger();
        final AtomicInteger periodicPushPulls = new AtomicInteger();
        final AtomicInteger pushPullsFailed = new AtomicInteger();

        @Override
        public void antiEntropyRound(boolean success, boolean inSync, int recordsSent, int recordsReceived) {
            if (!success) {
                digestFailed.incrementAndGet();
            } else if (inSync) {
                digestInSync.incrementAndGet();
            }
        }

        @Override
        public void pushPullCompleted(boolean join, boolean success) {
            if (!success) {
                pushPullsFailed.incrementAndGet();
            } else if (!join) {
                periodicPushPulls.incrementAndGet();
            }
        }
    }

    private static GossipConfig digestConfig(String name) {
        return GossipConfig.local().name(name).bindAddress("127.0.0.1").bindPort(FreePorts.allocate())
                .antiEntropy(AntiEntropy.DIGEST).pushPullInterval(Duration.ofSeconds(2)).build();
    }

    @Test
    void javaDigestNodesInAGoMemberlistClusterUseDigestsAmongThemselvesAndPushPullWithGo() throws Exception {
        List<Counters> counters = List.of(new Counters(), new Counters(), new Counters());
        try (GoPeer a = GoPeer.builder("go-a").start();
                GoPeer b = GoPeer.builder("go-b").join(a).start();
                Memberlist j1 = node("java-1", counters.get(0));
                Memberlist j2 = node("java-2", counters.get(1));
                Memberlist j3 = node("java-3", counters.get(2))) {
            List<Memberlist> java = List.of(j1, j2, j3);
            for (Memberlist j : java) {
                JoinResult r = j.join(List.of(new InetSocketAddress("127.0.0.1", a.port())));
                assertThat(r.contacted()).as("%s join errors: %s", j.localMember().name(), r.errors()).isEqualTo(1);
            }
            a.awaitAlive(ALL, TIMEOUT);
            b.awaitAlive(ALL, TIMEOUT);
            await("every Java node seeing all five alive", () -> java.stream().allMatch(j -> alive(j).equals(ALL)));

            await("Java nodes in sync by digest and pushing/pulling with the Go peers", () ->
                    counters.stream().allMatch(c -> c.digestInSync.get() >= 5)
                            && counters.stream().mapToInt(c -> c.periodicPushPulls.get()).sum() >= 6);

            assertThat(counters).allSatisfy(c -> {
                assertThat(c.digestFailed.get()).as("failed digest rounds").isZero();
                assertThat(c.pushPullsFailed.get()).as("failed push/pulls").isZero();
            });
            assertThat(java).allSatisfy(j -> assertThat(j.localMember().incarnation())
                    .as("%s never refuted a Go peer's six-byte echo of its record", j.localMember().name())
                    .isEqualTo(1));
            for (GoPeer p : List.of(a, b)) {
                assertThat(p.stderr()).as("%s's memberlist log", p.name()).doesNotContain("invalid msgType")
                        .doesNotContain("[ERR]");
                p.awaitAlive(ALL, TIMEOUT);
            }
        }
    }

    @Test
    void serfAgentsSeeJavaSerfNodesInDigestModeAliveAndNeverFailed() throws Exception {
        Counters c1 = new Counters();
        Counters c2 = new Counters();
        try (SerfAgent agent = SerfAgent.builder("serf-1").start();
                Serf java1 = Serf.builder(digestConfig("java-serf-1")).metrics(c1).start();
                Serf java2 = Serf.builder(digestConfig("java-serf-2")).metrics(c2).start()) {
            InetSocketAddress seed = new InetSocketAddress("127.0.0.1", agent.bindPort());
            assertThat(java1.join(List.of(seed)).contacted()).isEqualTo(1);
            assertThat(java2.join(List.of(seed)).contacted()).isEqualTo(1);
            for (String name : List.of("java-serf-1", "java-serf-2")) {
                agent.awaitMember(name, SerfAgent.Member::alive, TIMEOUT);
            }
            await("the Java Serf nodes in sync by digest", () -> c1.digestInSync.get() >= 5
                    && c2.digestInSync.get() >= 5);
            assertThat(c1.digestFailed.get() + c2.digestFailed.get()).isZero();
            // Serf's own push/pull state keeps flowing: with a delegate that has state, push/pull stays on.
            await("Serf push/pull between the Java nodes and the agent", () ->
                    c1.periodicPushPulls.get() + c2.periodicPushPulls.get() >= 4);
            assertThat(java1.members().stream().filter(m -> m.status().label().equals("alive")).count()).isEqualTo(3);
            assertThat(agent.events()).noneMatch(e -> e.type().equals("member-failed"));
        }
    }

    private static Memberlist node(String name, Counters counters) throws Exception {
        return Memberlist.create(digestConfig(name), MemberlistOptions.builder().metrics(counters).build());
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, TIMEOUT, Duration.ofMillis(100), () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static Set<String> alive(Memberlist m) {
        return m.members().stream().filter(x -> x.state() == MemberState.ALIVE).map(Member::name)
                .collect(Collectors.toSet());
    }
}
