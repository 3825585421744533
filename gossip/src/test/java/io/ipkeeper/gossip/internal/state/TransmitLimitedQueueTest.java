package io.ipkeeper.gossip.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** memberlist {@code queue_test.go} plus the depth bound. Messages are strings; their "encoded size" is given. */
class TransmitLimitedQueueTest {

    private static TransmitLimitedQueue<String> queue(int nodes) {
        return new TransmitLimitedQueue<>(4, () -> nodes, 1000);
    }

    @Test
    void eachBroadcastIsSentRetransmitLimitTimes() {
        AtomicInteger finished = new AtomicInteger();
        TransmitLimitedQueue<String> q = queue(10); // 4 × ceil(log10(11)) = 8
        q.queue("a", "alive-a", 10, finished::incrementAndGet);
        int sent = 0;
        while (!q.getBroadcasts(2, 1400).isEmpty()) {
            sent++;
        }
        assertThat(sent).isEqualTo(8);
        assertThat(q.depth()).isZero();
        assertThat(finished).hasValue(1);
    }

    @Test
    void theLimitFollowsTheClusterSize() {
        AtomicInteger n = new AtomicInteger(5);
        TransmitLimitedQueue<String> q = new TransmitLimitedQueue<>(4, n::get, 100);
        q.queue("a", "m", 1);
        int sent = 0;
        while (!q.getBroadcasts(0, 100).isEmpty()) {
            sent++;
        }
        assertThat(sent).isEqualTo(4);
        n.set(150);
        q.queue("a", "m", 1);
        sent = 0;
        while (!q.getBroadcasts(0, 100).isEmpty()) {
            sent++;
        }
        assertThat(sent).isEqualTo(12);
    }

    @Test
    void aNewerBroadcastWithTheSameNameReplacesAndFinishesTheOlder() {
        List<String> finished = new ArrayList<>();
        TransmitLimitedQueue<String> q = queue(10);
        q.queue("foo", "alive-foo-1", 10, () -> finished.add("alive-foo-1"));
        q.queue("bar", "alive-bar-1", 10, () -> finished.add("alive-bar-1"));
        q.queue("foo", "dead-foo-1", 10, () -> finished.add("dead-foo-1"));
        assertThat(q.depth()).isEqualTo(2);
        assertThat(finished).containsExactly("alive-foo-1");
        assertThat(q.getBroadcasts(0, 1400)).containsExactlyInAnyOrder("dead-foo-1", "alive-bar-1");
    }

    @Test
    void unnamedBroadcastsAreUniqueAndNeverReplaced() {
        TransmitLimitedQueue<String> q = queue(10);
        q.queue(null, "event-1", 10);
        q.queue(null, "event-2", 10);
        assertThat(q.depth()).isEqualTo(2);
    }

    @Test
    void fewestTransmitsFirstThenLargestThenNewest() {
        TransmitLimitedQueue<String> q = queue(10);
        q.queue("old", "old", 10);
        q.getBroadcasts(0, 10); // "old" now has 1 transmit
        q.queue("small", "small", 5);
        q.queue("big", "big", 20);
        q.queue("small2", "small2", 5);
        assertThat(q.getBroadcasts(0, 1400)).containsExactly("big", "small2", "small", "old");
    }

    @Test
    void packingTakesTheLargestThatFitsAndCountsOverheadPerMessage() {
        TransmitLimitedQueue<String> q = queue(10);
        q.queue("a", "a100", 100);
        q.queue("b", "b60", 60);
        q.queue("c", "c30", 30);
        q.queue("d", "d20", 20);
        // limit 100, overhead 2: a100 does not fit (102); b60 (62 used), c30 (94 used), d20 does not fit (116)
        assertThat(q.getBroadcasts(2, 100)).containsExactly("b60", "c30");
        // next call: a100 still at 0 transmits but never fits; d20 (0 transmits) goes first, then tier 1
        assertThat(q.getBroadcasts(2, 100)).containsExactly("d20", "b60");
        assertThat(q.getBroadcasts(2, 1000)).hasSize(4);
    }

    @Test
    void nothingIsTakenTwiceInOneCall() {
        TransmitLimitedQueue<String> q = queue(10);
        q.queue("a", "a", 1);
        assertThat(q.getBroadcasts(0, 1000)).containsExactly("a");
    }

    @Test
    void pastMaxDepthTheOldestArePruned() {
        List<String> finished = new ArrayList<>();
        TransmitLimitedQueue<String> q = new TransmitLimitedQueue<>(4, () -> 10, 3);
        for (int i = 1; i <= 5; i++) {
            String m = "m" + i;
            q.queue(m, m, 10, () -> finished.add(m));
        }
        assertThat(q.depth()).isEqualTo(3);
        assertThat(q.prunedTotal()).isEqualTo(2);
        assertThat(finished).containsExactly("m1", "m2");
        assertThat(q.getBroadcasts(0, 1400)).containsExactly("m5", "m4", "m3");
    }

    @Test
    void pruningPrefersTheMostTransmitted() {
        TransmitLimitedQueue<String> q = new TransmitLimitedQueue<>(4, () -> 10, 2);
        q.queue("a", "a", 10);
        q.queue("b", "b", 10);
        q.getBroadcasts(0, 10); // b (newest) sent once
        q.queue("c", "c", 10);
        assertThat(q.getBroadcasts(0, 1400)).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void explicitPruneAndReset() {
        AtomicInteger finished = new AtomicInteger();
        TransmitLimitedQueue<String> q = queue(10);
        for (int i = 0; i < 10; i++) {
            q.queue("n" + i, "n" + i, 1, finished::incrementAndGet);
        }
        q.prune(4);
        assertThat(q.depth()).isEqualTo(4);
        q.reset();
        assertThat(q.depth()).isZero();
        assertThat(finished).hasValue(10);
    }

    @Test
    void invalidSettingsNameTheField() {
        assertThatThrownBy(() -> new TransmitLimitedQueue<String>(0, () -> 1, 10)).hasMessageContaining("retransmitMult");
        assertThatThrownBy(() -> new TransmitLimitedQueue<String>(1, () -> 1, 0)).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> queue(1).queue("a", "a", -1)).hasMessageContaining("encodedSize");
    }
}
