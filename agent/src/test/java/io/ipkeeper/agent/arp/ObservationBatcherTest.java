package io.ipkeeper.agent.arp;

import static io.ipkeeper.agent.arp.ArpCodecTest.A;
import static io.ipkeeper.agent.arp.ArpCodecTest.B;
import static io.ipkeeper.agent.arp.ArpCodecTest.IP_A;
import static io.ipkeeper.agent.arp.ArpCodecTest.IP_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationBatcherTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void coalescesRepeatsToOneObservationWithFirstAndLastSeen() {
        ObservationBatcher batcher = new ObservationBatcher(new ArpWatchConfig(Duration.ofSeconds(1), 100, 1000), clock);
        var first = clock.instant();
        batcher.offer("eth0", ArpFrame.announcement(B, IP_B));
        clock.advance(Duration.ofMillis(300));
        batcher.offer("eth0", ArpFrame.reply(B, IP_B, A, IP_A));
        batcher.offer("eth0", ArpFrame.request(A, IP_A, IP_B));

        clock.advance(Duration.ofMillis(699));
        assertThat(batcher.drainIfDue()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        List<ArpObservation> batch = batcher.drainIfDue();

        assertThat(batch).containsExactly(
                new ArpObservation(IP_B, B, "eth0", ArpKind.REPLY, first, first.plusMillis(300), 2),
                new ArpObservation(IP_A, A, "eth0", ArpKind.REQUEST, first.plusMillis(300), first.plusMillis(300), 1));
        assertThat(batcher.pendingCount()).isZero();
        assertThat(batcher.drainIfDue()).isEmpty();
    }

    @Test
    void aProbeIsAnObservationOfItsTargetNotOfZero() {
        ObservationBatcher batcher = new ObservationBatcher(new ArpWatchConfig(Duration.ofSeconds(1), 100, 1000), clock);
        batcher.offer("eth0", ArpFrame.probe(B, IP_A));
        assertThat(batcher.drain()).singleElement().satisfies(o -> {
            assertThat(o.address()).isEqualTo(IP_A);
            assertThat(o.mac()).isEqualTo(B);
            assertThat(o.kind()).isEqualTo(ArpKind.PROBE);
        });
    }

    @Test
    void aFullBatchIsDeliveredAtOnceSoMemoryStaysBounded() {
        ObservationBatcher batcher = new ObservationBatcher(new ArpWatchConfig(Duration.ofHours(1), 3, 1000), clock);
        assertThat(batcher.offer("eth0", ArpFrame.announcement(B, Ipv4.parse("198.18.0.1")))).isEmpty();
        assertThat(batcher.offer("eth0", ArpFrame.announcement(B, Ipv4.parse("198.18.0.2")))).isEmpty();
        assertThat(batcher.offer("eth0", ArpFrame.announcement(B, Ipv4.parse("198.18.0.3")))).hasSize(3);
        assertThat(batcher.pendingCount()).isZero();
    }

    @Test
    void aFloodBeyondTheRateIsDroppedAndCounted() {
        ObservationBatcher batcher = new ObservationBatcher(new ArpWatchConfig(Duration.ofSeconds(1), 10_000, 100), clock);
        for (int i = 0; i < 250; i++) {
            batcher.offer("eth0", ArpFrame.announcement(B, Ipv4.parse("198.18.1." + (i % 250))));
        }
        assertThat(batcher.framesHeard()).isEqualTo(100);
        assertThat(batcher.framesDropped()).isEqualTo(150);
        assertThat(batcher.pendingCount()).isEqualTo(100);

        clock.advance(Duration.ofMillis(500)); // refills half the bucket
        for (int i = 0; i < 100; i++) {
            batcher.offer("eth0", ArpFrame.announcement(A, IP_A));
        }
        assertThat(batcher.framesHeard()).isEqualTo(150);
        assertThat(batcher.framesDropped()).isEqualTo(200);
    }

    @Test
    void sameAddressOnTwoInterfacesStaysApart() {
        ObservationBatcher batcher = new ObservationBatcher(ArpWatchConfig.defaults(), clock);
        batcher.offer("eth0", ArpFrame.announcement(B, IP_B));
        batcher.offer("eth1", ArpFrame.announcement(B, IP_B));
        assertThat(batcher.drain()).extracting(ArpObservation::interfaceName).containsExactly("eth0", "eth1");
    }
}
