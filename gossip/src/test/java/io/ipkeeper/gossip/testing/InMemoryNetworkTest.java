package io.ipkeeper.gossip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryNetworkTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler, new SplittableRandom(42));

    /** Records packets; answers every stream with "re:" + request. */
    private static final class Recorder implements Transport.Inbound {
        final List<String> packets = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        @Override
        public void packet(InetSocketAddress from, byte[] data, long receivedNanos) {
            packets.add(new String(data, StandardCharsets.UTF_8));
            times.add(receivedNanos);
        }

        @Override
        public void stream(InetSocketAddress from, byte[] request, Transport.StreamReply reply) {
            reply.send(("re:" + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Transport started(Recorder r) throws Exception {
        Transport t = network.newTransport();
        t.start(r);
        return t;
    }

    @Test
    void packetsArriveAfterTheLinkLatency() throws Exception {
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        Transport a = started(ra);
        Transport b = started(rb);
        assertThat(a.localAddress()).isNotEqualTo(b.localAddress());
        network.link(a.localAddress(), b.localAddress(), new InMemoryNetwork.Link(Duration.ofMillis(5), 0));

        a.sendPacket(b.localAddress(), "hi".getBytes(StandardCharsets.UTF_8));
        scheduler.runFor(Duration.ofMillis(4));
        assertThat(rb.packets).isEmpty();
        scheduler.runFor(Duration.ofMillis(1));
        assertThat(rb.packets).containsExactly("hi");
        assertThat(rb.times).containsExactly(5_000_000L);
    }

    @Test
    void streamsGetTheirReplyAndTimeOutAcrossAPartition() throws Exception {
        Transport a = started(new Recorder());
        Transport b = started(new Recorder());
        CompletableFuture<byte[]> ok = a.exchange(b.localAddress(), "x".getBytes(StandardCharsets.UTF_8), true, Duration.ofSeconds(1));
        scheduler.runFor(Duration.ofMillis(10));
        assertThat(ok).isCompletedWithValueMatching(r -> new String(r, StandardCharsets.UTF_8).equals("re:x"));

        network.partition(Set.of(a.localAddress()), Set.of(b.localAddress()));
        CompletableFuture<byte[]> cut = a.exchange(b.localAddress(), "y".getBytes(StandardCharsets.UTF_8), true, Duration.ofSeconds(1));
        scheduler.runFor(Duration.ofMillis(999));
        assertThat(cut).isNotDone();
        scheduler.runFor(Duration.ofMillis(1));
        assertThat(cut).isCompletedExceptionally();

        network.heal();
        CompletableFuture<byte[]> healed = a.exchange(b.localAddress(), "z".getBytes(StandardCharsets.UTF_8), true, Duration.ofSeconds(1));
        scheduler.runFor(Duration.ofMillis(10));
        assertThat(healed).isCompleted();
    }

    @Test
    void lossIsDeterministicForASeed() throws Exception {
        long[] lost = new long[2];
        for (int run = 0; run < 2; run++) {
            VirtualScheduler s = new VirtualScheduler();
            InMemoryNetwork n = new InMemoryNetwork(s, new SplittableRandom(7));
            n.defaultLink(new InMemoryNetwork.Link(Duration.ofMillis(1), 0.3));
            Transport a = n.newTransport();
            Transport b = n.newTransport();
            Recorder rb = new Recorder();
            a.start(new Recorder());
            b.start(rb);
            for (int i = 0; i < 1000; i++) {
                a.sendPacket(b.localAddress(), new byte[] {1});
            }
            s.runFor(Duration.ofSeconds(1));
            lost[run] = n.packetsLost();
            assertThat(rb.packets).hasSize((int) (1000 - n.packetsLost()));
        }
        assertThat(lost[0]).isEqualTo(lost[1]).isBetween(200L, 400L);
    }
}
