package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Keyring;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.testing.InMemoryNetwork;
import io.ipkeeper.gossip.testing.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AES-GCM between our own nodes: a shared key forms a cluster, a wrong key never joins, keys rotate at run time. */
class EncryptedClusterTest {
    private static final byte[] KEY = Keyring.decode("AAECAwQFBgcICQoLDA0ODw==");
    private static final byte[] OTHER = Keyring.decode("ZmZmZmZmZmZmZmZmZmZmZg==");

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler, new SplittableRandom(40));

    private Memberlist node(String name, byte[] key) throws Exception {
        return Memberlist.create(GossipConfig.local().name(name).build(),
                MemberlistOptions.builder().key(key).build(), network.newTransport(), scheduler,
                new SplittableRandom(name.hashCode()));
    }

    private static Set<String> alive(Memberlist m) {
        return m.members().stream().filter(x -> x.state() == io.ipkeeper.gossip.MemberState.ALIVE)
                .map(io.ipkeeper.gossip.Member::name).collect(Collectors.toSet());
    }

    @Test
    void nodesWithTheSameKeyFormAClusterAndAWrongKeyNeverJoins() throws Exception {
        Memberlist a = node("a", KEY);
        Memberlist b = node("b", KEY);
        Memberlist wrong = node("wrong", OTHER);
        scheduler.runFor(Duration.ofMillis(10));
        var seed = List.of(a.localMember().socketAddress());

        CompletableFuture<JoinResult> good = b.joinAsync(seed);
        CompletableFuture<JoinResult> bad = wrong.joinAsync(seed);
        scheduler.runFor(Duration.ofSeconds(30));

        assertThat(good.join().contacted()).isEqualTo(1);
        assertThat(bad.join().contacted()).isZero();
        assertThat(bad.join().errors().values()).singleElement().asString().contains("no installed key could decrypt");
        assertThat(alive(a)).isEqualTo(Set.of("a", "b"));
        assertThat(alive(b)).isEqualTo(Set.of("a", "b"));
        assertThat(alive(wrong)).isEqualTo(Set.of("wrong"));
    }

    @Test
    void aKeyRotatedOnEveryNodeKeepsTheClusterTogether() throws Exception {
        Memberlist a = node("a", KEY);
        Memberlist b = node("b", KEY);
        scheduler.runFor(Duration.ofMillis(10));
        b.joinAsync(List.of(a.localMember().socketAddress()));
        scheduler.runFor(Duration.ofSeconds(5));

        for (Memberlist m : List.of(a, b)) {
            m.keyring().install(OTHER);
        }
        for (Memberlist m : List.of(a, b)) {
            m.keyring().use(OTHER);
        }
        for (Memberlist m : List.of(a, b)) {
            m.keyring().remove(KEY);
        }
        scheduler.runFor(Duration.ofSeconds(60));

        assertThat(a.keyring().keys()).hasSize(1);
        assertThat(alive(a)).isEqualTo(Set.of("a", "b"));
        assertThat(alive(b)).isEqualTo(Set.of("a", "b"));
    }
}
