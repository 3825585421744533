package io.ipkeeper.agent.arp;

import static io.ipkeeper.agent.arp.ArpCodecTest.A;
import static io.ipkeeper.agent.arp.ArpCodecTest.B;
import static io.ipkeeper.agent.arp.ArpCodecTest.IP_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ArpWatchTest {

    private final MutableClock clock = new MutableClock();
    private final List<List<ArpObservation>> batches = new CopyOnWriteArrayList<>();

    @Test
    void deliversCoalescedBatchesWhenTheFlushIntervalHasPassed() throws Exception {
        FakeArpSocket eth0 = new FakeArpSocket("eth0", A);
        FakeArpSocket eth1 = new FakeArpSocket("eth1", A);
        try (ArpWatch watch = ArpWatch.start(List.of(eth0, eth1), new ArpWatchConfig(Duration.ofSeconds(1), 100, 1000), clock, batches::add)) {
            eth0.hear(ArpFrame.announcement(B, IP_B));
            eth0.hear(ArpFrame.announcement(B, IP_B));
            eth1.hear(ArpFrame.gratuitousReply(B, IP_B));
            awaitStats(watch, 3);
            assertThat(batches).isEmpty(); // the clock has not moved: nothing is due yet

            clock.advance(Duration.ofSeconds(1));
            awaitBatches(1);
            assertThat(batches.getFirst()).hasSize(2)
                    .anySatisfy(o -> assertThat(o).extracting(ArpObservation::interfaceName, ArpObservation::count).containsExactly("eth0", 2L))
                    .anySatisfy(o -> assertThat(o).extracting(ArpObservation::interfaceName, ArpObservation::kind).containsExactly("eth1", ArpKind.GRATUITOUS_REPLY));
            assertThat(watch.stats().observationsDelivered()).isEqualTo(2);
        }
        assertThat(eth0.isClosed()).isTrue();
        assertThat(eth1.isClosed()).isTrue();
    }

    @Test
    void closeDeliversWhatIsStillPending() {
        FakeArpSocket eth0 = new FakeArpSocket("eth0", A);
        ArpWatch watch = ArpWatch.start(List.of(eth0), new ArpWatchConfig(Duration.ofHours(1), 100, 1000), clock, batches::add);
        eth0.hear(ArpFrame.announcement(B, IP_B));
        awaitStats(watch, 1);
        watch.close();
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).singleElement().extracting(ArpObservation::mac).isEqualTo(B));
    }

    @Test
    void needsASocket() {
        assertThatThrownBy(() -> ArpWatch.start(List.of(), ArpWatchConfig.defaults(), clock, batches::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitStats(ArpWatch watch, long framesHeard) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (watch.stats().framesHeard() < framesHeard) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + framesHeard + " frames heard within 10 s: " + watch.stats());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void awaitBatches(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (batches.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " batches within 10 s: " + batches);
            }
            Thread.sleep(10);
        }
    }
}
