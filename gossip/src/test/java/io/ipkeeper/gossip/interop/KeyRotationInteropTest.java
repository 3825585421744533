package io.ipkeeper.gossip.interop;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rotating the gossip key of a mixed Go/Java cluster at run time (install everywhere, use everywhere, remove
 * everywhere) with no member ever marked failed; and a node with the wrong key never joins.
 */
@Tag("interop")
class KeyRotationInteropTest {
    private static final Duration TIMEOUT = GoPeer.DEFAULT_TIMEOUT;
    private static final String OLD_KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String NEW_KEY = "bmV3LWtleS1mb3Itcm90YXRpb24tMzItYnl0ZXMhISE=";
    private static final String WRONG_KEY = "d3Jvbmcta2V5LTE2Ynl0ZQ==";
    private static final Set<String> ALL = Set.of("go-a", "go-b", "java-1");

    /** Everything that ever left, as the Java node saw it. */
    private static final class Departures implements MembershipListener {
        final List<Member> leaves = new CopyOnWriteArrayList<>();

        @Override
        public void onLeave(Member member) {
            leaves.add(member);
        }
    }

    /** Probes, failed probes, and dropped packets and streams (e.g. ones no installed key decrypts). */
    private static final class Counters implements GossipMetrics {
        final AtomicLong probes = new AtomicLong();
        final AtomicLong failedProbes = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();

        @Override
        public void probeSent() {
            probes.incrementAndGet();
        }

        @Override
        public void probeFailed() {
            failedProbes.incrementAndGet();
        }

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
    void theClusterRotatesItsKeyWithNoMemberEverFailing() throws Exception {
        Departures departures = new Departures();
        Counters counters = new Counters();
        try (GoPeer a = GoPeer.builder("go-a").key(OLD_KEY).start();
                GoPeer b = GoPeer.builder("go-b").key(OLD_KEY).join(a).start();
                Memberlist java = javaNode("java-1", OLD_KEY, departures, counters)) {
            JoinResult joined = java.join(List.of(address(b)));
            assertThat(joined.contacted()).as("join errors: %s", joined.errors()).isEqualTo(1);
            awaitAllAlive(a, b, java);

            for (GoPeer p : List.of(a, b)) {
                p.keyInstall(NEW_KEY);
            }
            java.keyring().install(Keyring.decode(NEW_KEY));
            awaitAllAlive(a, b, java); // a round of gossip and probes with both keys installed

            for (GoPeer p : List.of(a, b)) {
                p.keyUse(NEW_KEY);
            }
            java.keyring().use(Keyring.decode(NEW_KEY));
            awaitAllAlive(a, b, java);

            for (GoPeer p : List.of(a, b)) {
                p.keyRemove(OLD_KEY);
                assertThat(p.keys()).containsExactly(NEW_KEY);
            }
            java.keyring().remove(Keyring.decode(OLD_KEY));
            assertThat(java.keyring().keys()).extracting(k -> Base64.getEncoder().encodeToString(k))
                    .containsExactly(NEW_KEY);

            // Only the new key is left anywhere: a newcomer with just that key joins and sees everyone.
            try (GoPeer c = GoPeer.builder("go-c").key(NEW_KEY).join(a).start()) {
                c.awaitAlive(Set.of("go-a", "go-b", "go-c", "java-1"), TIMEOUT);
                await("java-1 seeing go-c alive", () -> alive(java).contains("go-c"), java);
                c.leave();
                c.stop();
            }
            // Several probe rounds on the new key alone, long enough for any suspicion to have turned into a failure.
            long probesNow = counters.probes.get();
            await("java-1 probing 10 more times", () -> counters.probes.get() >= probesNow + 10, java);
            awaitAllAlive(a, b, java);
            assertThat(counters.failedProbes.get()).as("java-1's failed probes").isZero();

            assertThat(departures.leaves).as("members java-1 saw fail during the rotation")
                    .noneMatch(m -> ALL.contains(m.name()));
            for (GoPeer p : List.of(a, b)) {
                assertThat(p.events("leave")).as("%s's leave events", p.name())
                        .noneMatch(e -> ALL.contains(e.path("node").asText()));
                assertThat(p.stderr()).as("%s's memberlist log", p.name()).doesNotContain("as failed").doesNotContain("has failed");
            }
        }
    }

    @Test
    void aNodeWithTheWrongKeyNeverJoins() throws Exception {
        Counters drops = new Counters();
        try (GoPeer a = GoPeer.builder("go-a").key(OLD_KEY).start();
                Memberlist java = javaNode("java-1", OLD_KEY, new MembershipListener() {}, drops)) {
            assertThat(java.join(List.of(address(a))).contacted()).isEqualTo(1);
            awaitAlive(a, Set.of("go-a", "java-1"));

            // A Go peer with the wrong key tries the Java node: refused, and the Java node counts what it dropped.
            try (GoPeer intruder = GoPeer.builder("go-wrong").key(WRONG_KEY).join("127.0.0.1:" + port(java)).start()) {
                assertThat(intruder.events("joined").getFirst().path("contacted").asInt()).isZero();
                await("java-1 counting what it could not decrypt", () -> drops.dropped.get() > 0, java);
            }
            // A Java node with the wrong key tries the Go peer: refused.
            try (Memberlist wrong = javaNode("java-wrong", WRONG_KEY, new MembershipListener() {}, GossipMetrics.NONE)) {
                JoinResult r = wrong.join(List.of(address(a)));
                assertThat(r.succeeded()).as("a wrong-key join: %s", r).isFalse();
            }
            assertThat(java.members()).extracting(Member::name).containsExactlyInAnyOrder("go-a", "java-1");
            assertThat(a.events("join")).noneMatch(e -> e.path("node").asText().endsWith("wrong"));
        }
    }

    private static InetSocketAddress address(GoPeer p) {
        return new InetSocketAddress("127.0.0.1", p.port());
    }

    private static int port(Memberlist m) {
        return m.localMember().port();
    }

    private static Set<String> alive(Memberlist m) {
        return m.members().stream().filter(x -> x.state() == MemberState.ALIVE).map(Member::name)
                .collect(Collectors.toSet());
    }

    private static void awaitAlive(GoPeer p, Set<String> names) {
        p.awaitAlive(names, TIMEOUT);
    }

    private static void awaitAllAlive(GoPeer a, GoPeer b, Memberlist java) throws InterruptedException {
        a.awaitAlive(ALL, TIMEOUT);
        b.awaitAlive(ALL, TIMEOUT);
        await("java-1 seeing " + ALL + " alive", () -> alive(java).equals(ALL), java);
    }

    private static void await(String what, BooleanSupplier condition, Memberlist view) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + TIMEOUT + "; sees " + view.members());
            }
            Thread.sleep(100);
        }
    }
}
