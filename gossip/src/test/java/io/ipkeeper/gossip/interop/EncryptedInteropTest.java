package io.ipkeeper.gossip.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Keyring;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.testkit.peers.FreePorts;
import io.ipkeeper.testkit.peers.GoPeer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link GoMemberlistInteropTest}'s five-node scenario with gossip encryption (AES-GCM, {@code -key}) on every node:
 * three Go memberlist 0.2.2 peers and two Java nodes see all five alive, a killed Go peer is reported dead by both
 * Java nodes, a Java node's graceful leave reaches the Go peers as <i>left</i>, and a Java node with the wrong key never
 * appears in any Go peer's member list.
 */
@Tag("interop")
class EncryptedInteropTest {
    private static final Duration TIMEOUT = GoPeer.DEFAULT_TIMEOUT;
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String WRONG_KEY = "d3Jvbmcta2V5LTE2Ynl0ZQ==";
    private static final Set<String> ALL = Set.of("go-a", "go-b", "go-c", "java-1", "java-2");

    /** Departures as the library reports them. */
    private static final class Departures implements MembershipListener {
        final List<Member> leaves = new CopyOnWriteArrayList<>();

        @Override
        public void onLeave(Member member) {
            leaves.add(member);
        }
    }

    /** Packets and streams the node dropped, e.g. because no installed key decrypts them. */
    private static final class Drops implements GossipMetrics {
        final AtomicLong dropped = new AtomicLong();

        @Override
        public void packetDropped(String reason) {
            dropped.incrementAndGet();
        }
    }

    private static Memberlist javaNode(String name, String key, MembershipListener listener, GossipMetrics metrics)
            throws Exception {
        GossipConfig config = GossipConfig.local().name(name).bindAddress("127.0.0.1")
                .bindPort(FreePorts.allocate()).build();
        return Memberlist.create(config, MemberlistOptions.builder().listener(listener).metrics(metrics)
                .key(Keyring.decode(key)).build());
    }

    @Test
    void anEncryptedMixedClusterDetectsFailuresAndLeavesAndKeepsOutAWrongKey() throws Exception {
        Departures d1 = new Departures();
        Departures d2 = new Departures();
        Drops drops = new Drops();
        try (GoPeer a = GoPeer.builder("go-a").key(KEY).start();
                GoPeer b = GoPeer.builder("go-b").key(KEY).join(a).start();
                GoPeer c = GoPeer.builder("go-c").key(KEY).join(a).start();
                Memberlist j1 = javaNode("java-1", KEY, d1, drops);
                Memberlist j2 = javaNode("java-2", KEY, d2, GossipMetrics.NONE)) {

            // Join through different Go seeds, all encrypted: all five see all five alive.
            JoinResult r1 = j1.join(List.of(address(a)));
            JoinResult r2 = j2.join(List.of(address(b), address(c)));
            assertThat(r1.contacted()).as("java-1 join errors: %s", r1.errors()).isEqualTo(1);
            assertThat(r2.contacted()).as("java-2 join errors: %s", r2.errors()).isEqualTo(2);
            for (GoPeer p : List.of(a, b, c)) {
                p.awaitAlive(ALL, TIMEOUT);
            }
            await("both Java nodes seeing all five alive", () -> alive(j1).equals(ALL) && alive(j2).equals(ALL), j1, j2);

            // A Java node with the wrong key knocks on two Go peers and on java-1: refused by all three, so it learns
            // nobody and nobody learns it; java-1 counts what it could not decrypt.
            try (Memberlist intruder = javaNode("java-wrong", WRONG_KEY, new MembershipListener() {}, GossipMetrics.NONE)) {
                JoinResult r = intruder.join(List.of(address(a), address(c), address(j1)));
                assertThat(r.succeeded()).as("a wrong-key join: %s", r).isFalse();
                assertThat(intruder.members()).extracting(Member::name).containsExactly("java-wrong");
                await("java-1 counting what it could not decrypt", () -> drops.dropped.get() > 0, j1);
                for (GoPeer p : List.of(a, b, c)) {
                    assertThat(p.members()).as("%s's members", p.name()).extracting(GoPeer.Member::name)
                            .doesNotContain("java-wrong");
                }
            }
            for (GoPeer p : List.of(a, b, c)) {
                assertThat(p.events("join")).as("%s's join events", p.name())
                        .noneMatch(e -> e.path("node").asText().equals("java-wrong"));
                assertThat(p.stderr()).as("%s's memberlist log", p.name()).doesNotContain("java-wrong");
            }
            assertThat(j1.members()).extracting(Member::name).doesNotContain("java-wrong");
            assertThat(alive(j1)).isEqualTo(ALL);

            // A Go peer crashes: both Java nodes detect it (suspect → dead), as a failure.
            c.kill();
            await("both Java nodes reporting go-c dead", () -> stateOf(j1, "go-c") == MemberState.DEAD
                    && stateOf(j2, "go-c") == MemberState.DEAD, j1, j2);
            assertThat(d1.leaves).filteredOn(m -> m.name().equals("go-c")).extracting(Member::state)
                    .containsExactly(MemberState.DEAD);
            assertThat(d2.leaves).filteredOn(m -> m.name().equals("go-c")).extracting(Member::state)
                    .containsExactly(MemberState.DEAD);

            // A Java node leaves gracefully: the remaining Go peers get a leave with state "left", not a failure.
            assertThat(j2.leave(Duration.ofSeconds(5))).as("leave gossiped before the timeout").isTrue();
            for (GoPeer p : List.of(a, b)) {
                JsonNode leave = p.awaitEvent("leave", GoPeer.aboutNode("java-2"), TIMEOUT);
                assertThat(leave.path("state").asText()).as("%s on java-2", p.name()).isEqualTo("left");
            }
            j2.shutdown();
            for (GoPeer p : List.of(a, b)) {
                assertThat(p.events("leave")).as("%s's leave events about java-2", p.name())
                        .filteredOn(e -> e.path("node").asText().equals("java-2")).hasSize(1);
                assertThat(p.stderr()).as("%s's memberlist log", p.name()).doesNotContain("Marking java-2 as failed");
            }
            // java-1 hears of the leave by gossip too, possibly after the Go peers did.
            await("java-1 reporting java-2 left", () -> stateOf(j1, "java-2") == MemberState.LEFT, j1);
            assertThat(d1.leaves).as("java-1's departures").extracting(Member::name, Member::state)
                    .containsExactlyInAnyOrder(tuple("go-c", MemberState.DEAD), tuple("java-2", MemberState.LEFT));
        }
    }

    private static InetSocketAddress address(GoPeer peer) {
        return new InetSocketAddress("127.0.0.1", peer.port());
    }

    private static InetSocketAddress address(Memberlist node) {
        return new InetSocketAddress("127.0.0.1", node.localMember().port());
    }

    private static Set<String> alive(Memberlist m) {
        return m.members().stream().filter(x -> x.state() == MemberState.ALIVE).map(Member::name)
                .collect(Collectors.toSet());
    }

    private static MemberState stateOf(Memberlist m, String name) {
        return m.members().stream().filter(x -> x.name().equals(name)).map(Member::state).findFirst().orElse(null);
    }

    /** Polls (real processes need real time); fails with {@code what} and the views after {@code TIMEOUT}. */
    private static void await(String what, BooleanSupplier condition, Memberlist... views) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        StringBuilder sb = new StringBuilder(what).append(" did not happen within ").append(TIMEOUT);
        for (Memberlist v : views) {
            sb.append("\n  ").append(v.localMember().name()).append(" sees ").append(v.members());
        }
        throw new AssertionError(sb.toString());
    }
}
