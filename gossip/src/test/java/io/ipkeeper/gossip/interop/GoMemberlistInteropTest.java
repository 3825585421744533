package io.ipkeeper.gossip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.testkit.peers.GoPeer;
import io.ipkeeper.testkit.peers.FreePorts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Java nodes in a cluster of real Go memberlist 0.2.2 peers (the project's test peer, {@code local} profile, on
 * 127.0.0.1): join and mutual liveness, failure detection in both directions, and a graceful leave that Go sees as
 * <i>left</i>.
 */
@Tag("interop")
class GoMemberlistInteropTest {
    private static final Duration TIMEOUT = GoPeer.DEFAULT_TIMEOUT;
    private static final Set<String> ALL = Set.of("go-a", "go-b", "go-c", "java-1", "java-2");

    /** Records departures as the library reports them. */
    private static final class Departures implements MembershipListener {
        final List<Member> leaves = new CopyOnWriteArrayList<>();

        @Override
        public void onLeave(Member member) {
            leaves.add(member);
        }
    }

    private static Memberlist javaNode(String name, Departures departures) throws Exception {
        GossipConfig config = GossipConfig.local().name(name).bindAddress("127.0.0.1")
                .bindPort(FreePorts.allocate()).build();
        return Memberlist.create(config, MemberlistOptions.builder().listener(departures).build());
    }

    private static InetSocketAddress addressOf(GoPeer peer) {
        return new InetSocketAddress("127.0.0.1", peer.port());
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

    @Test
    void javaAndGoNodesSeeEachOtherAndDetectFailuresAndGracefulLeaves() throws Exception {
        Departures d1 = new Departures();
        Departures d2 = new Departures();
        try (GoPeer a = GoPeer.builder("go-a").start();
                GoPeer b = GoPeer.builder("go-b").join(a).start();
                GoPeer c = GoPeer.builder("go-c").join(a).start();
                Memberlist j1 = javaNode("java-1", d1);
                Memberlist j2 = javaNode("java-2", d2)) {

            // Join: through different Go seeds; all five see all five alive.
            JoinResult r1 = j1.join(List.of(addressOf(a)));
            JoinResult r2 = j2.join(List.of(addressOf(b), addressOf(c)));
            assertThat(r1.contacted()).as("java-1 join errors: %s", r1.errors()).isEqualTo(1);
            assertThat(r2.contacted()).as("java-2 join errors: %s", r2.errors()).isEqualTo(2);
            for (GoPeer p : List.of(a, b, c)) {
                p.awaitAlive(ALL, TIMEOUT);
            }
            await("both Java nodes seeing all five alive", () -> alive(j1).equals(ALL) && alive(j2).equals(ALL), j1, j2);

            // A Go peer crashes: both Java nodes detect it (suspect → dead), as a failure.
            c.kill();
            await("both Java nodes reporting go-c dead", () -> stateOf(j1, "go-c") == MemberState.DEAD
                    && stateOf(j2, "go-c") == MemberState.DEAD, j1, j2);
            assertThat(d1.leaves).filteredOn(m -> m.name().equals("go-c")).extracting(Member::state)
                    .containsExactly(MemberState.DEAD);
            assertThat(d2.leaves).filteredOn(m -> m.name().equals("go-c")).extracting(Member::state)
                    .containsExactly(MemberState.DEAD);

            // A Java node stops without leaving: every Go peer detects it as failed.
            j2.shutdown();
            for (GoPeer p : List.of(a, b)) {
                JsonNode leave = p.awaitEvent("leave", GoPeer.aboutNode("java-2"), TIMEOUT);
                assertThat(leave.path("state").asText()).as("%s on java-2", p.name()).isEqualTo("dead");
            }

            // A Java node leaves gracefully: the Go peers get a leave with state "left", not a failure.
            assertThat(j1.leave(Duration.ofSeconds(5))).as("leave gossiped before the timeout").isTrue();
            for (GoPeer p : List.of(a, b)) {
                JsonNode leave = p.awaitEvent("leave", GoPeer.aboutNode("java-1"), TIMEOUT);
                assertThat(leave.path("state").asText()).as("%s on java-1", p.name()).isEqualTo("left");
            }
            j1.shutdown();
            assertThat(a.events("leave")).filteredOn(e -> e.path("node").asText().equals("java-1")).hasSize(1);
        }
    }
}
