package io.ipkeeper.gossip.internal.state;

import static io.ipkeeper.gossip.internal.state.Fixture.alive;
import static io.ipkeeper.gossip.internal.state.Fixture.dead;
import static io.ipkeeper.gossip.internal.state.Fixture.leave;
import static io.ipkeeper.gossip.internal.state.Fixture.suspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.gossip.internal.wire.PushNodeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The view digest behind the digest anti-entropy: maintained incrementally through every rule of {@link Membership},
 * it must always equal a digest recomputed from the table, and it must not depend on the order updates arrived in.
 */
class StateDigestTest {
    private static final String[] NAMES = {"a", "b", "c", "d", "e", "self"};

    enum Kind { ALIVE, SUSPECT, DEAD, LEAVE, MERGE_DEAD, TIMER, REAP }

    record Op(Kind kind, int node, long inc) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 5),
                Arbitraries.longs().between(0, 6)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void theIncrementalDigestAlwaysEqualsOneRecomputedFromTheTable(@ForAll("ops") List<Op> ops) {
        Fixture f = new Fixture(b -> b.digest(true).gossipToTheDeadTime(Duration.ofSeconds(5)));
        for (Op op : ops) {
            apply(f, op);
            assertThat(StateDigest.of(f.m.table()).sameAs(f.m.digest()))
                    .as("digest after %s", op).isTrue();
        }
    }

    @Property(tries = 200)
    void theSameUpdatesInAnyOrderGiveTheSameRoot(@ForAll("ops") List<Op> ops) {
        // Only alive messages commute (the rules are order-dependent for accusations), so order alives only.
        List<Op> alives = ops.stream().filter(o -> o.kind() == Kind.ALIVE && o.inc() > 0 && o.node() < 5).toList();
        Fixture first = new Fixture(b -> b.digest(true));
        Fixture second = new Fixture(b -> b.digest(true));
        alives.forEach(o -> apply(first, o));
        List<Op> shuffled = new ArrayList<>(alives);
        Collections.shuffle(shuffled, new Random(ops.size()));
        shuffled.forEach(o -> apply(second, o));

        assertThat(second.m.digest().root()).isEqualTo(first.m.digest().root());
        assertThat(second.m.digest().bucketHashes(8)).isEqualTo(first.m.digest().bucketHashes(8));
    }

    @Test
    void differentViewsHaveDifferentRootsAndTheBucketThatDiffersIsTheBucketOfTheName() {
        Fixture x = new Fixture(b -> b.digest(true));
        Fixture y = new Fixture(b -> b.digest(true));
        for (int i = 0; i < 100; i++) {
            x.alive(alive("node-" + i, 1));
            y.alive(alive("node-" + i, i == 42 ? 2 : 1));
        }
        assertThat(x.m.digest().root()).isNotEqualTo(y.m.digest().root());
        int buckets = StateDigest.bucketsFor(x.m.digest().count());
        long[] hx = x.m.digest().bucketHashes(buckets);
        long[] hy = y.m.digest().bucketHashes(buckets);
        BitSet differ = new BitSet();
        for (int i = 0; i < buckets; i++) {
            if (hx[i] != hy[i]) {
                differ.set(i);
            }
        }
        assertThat(differ.stream().boxed().toList()).containsExactly(StateDigest.bucketOf("node-42", buckets));
        List<PushNodeState> records = y.m.recordsInBuckets(buckets, differ);
        assertThat(records).extracting(PushNodeState::name).contains("node-42");
        assertThat(records.size()).isLessThan(30);
    }

    @Test
    void onlyAliveAndSuspectEntriesAreInTheViewSoReapingChangesNothing() {
        Fixture f = new Fixture(b -> b.digest(true).gossipToTheDeadTime(Duration.ofSeconds(1)));
        f.withPeers(3);
        long withThree = f.m.digest().root();
        f.dead(dead("n2", 1, "n1"));
        long afterDeath = f.m.digest().root();
        assertThat(afterDeath).isNotEqualTo(withThree);
        assertThat(f.m.digest().count()).isEqualTo(3); // self, n1, n3
        f.tick(Duration.ofSeconds(5));
        assertThat(f.m.resetNodes(f.now)).isEqualTo(1);
        assertThat(f.m.digest().root()).isEqualTo(afterDeath);
    }

    @Test
    void bucketHashesFoldToTheRootAndBucketCountsAreValidated() {
        Fixture f = new Fixture(b -> b.digest(true)).withPeers(50);
        for (int buckets : new int[] {1, 2, 8, 64, StateDigest.MAX_BUCKETS}) {
            long sum = 0;
            for (long h : f.m.digest().bucketHashes(buckets)) {
                sum += h;
            }
            assertThat(sum).as("%d buckets", buckets).isEqualTo(f.m.digest().root());
        }
        assertThatThrownBy(() -> f.m.digest().bucketHashes(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> f.m.digest().bucketHashes(2048)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StateDigest.bucketsFor(1)).isEqualTo(1);
        assertThat(StateDigest.bucketsFor(100)).isEqualTo(16);
        assertThat(StateDigest.bucketsFor(10_000)).isEqualTo(StateDigest.MAX_BUCKETS);
    }

    @Test
    void withoutTheDigestOptionNothingIsComputed() {
        assertThat(new Fixture().m.digest()).isNull();
    }

    private static void apply(Fixture f, Op op) {
        String name = NAMES[op.node()];
        f.tick(Duration.ofSeconds(1));
        switch (op.kind()) {
            case ALIVE -> f.alive(alive(name, op.inc()));
            case SUSPECT -> f.suspect(suspect(name, op.inc(), "n9"));
            case DEAD -> f.dead(dead(name, op.inc(), "n9"));
            case LEAVE -> f.dead(leave(name, op.inc()));
            case MERGE_DEAD -> f.m.mergeState(List.of(new PushNodeState(name, Fixture.addrOf(name), 7946, null,
                    op.inc(), PushNodeState.DEAD, Fixture.VSN)), f.now, true, "n8");
            case TIMER -> f.m.suspicionTimeout(name, f.now + 3_600 * Fixture.SECOND);
            case REAP -> f.m.resetNodes(f.now);
        }
    }
}
