package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The network model on its own: send budget and queue, partitions, independent and bursty loss, asymmetric links, exact
 * byte accounting. Statistical checks are deterministic (fixed seeds) and use generous bands around the configured
 * figures.
 */
class NetworkTest {
    private static final long SECOND = Simulation.SECOND;

    private final EventLoop loop = new EventLoop();
    private final List<Long> arrivals = new ArrayList<>();

    private SimTransport node(Network net, int index) throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) (index + 1)}),
                7946);
        SimTransport t = new SimTransport(index, a, net, new SimScheduler(loop));
        t.start(new Transport.Inbound() {
            @Override
            public void packet(InetSocketAddress from, byte[] data, long receivedNanos) {
                arrivals.add(receivedNanos);
            }

            @Override
            public void stream(InetSocketAddress from, byte[] request, Transport.StreamReply reply) {
                reply.close();
            }
        });
        return t;
    }

    @Test
    void sendBudgetSerialisesPacketsAndDropsWhatTheQueueCannotHold() throws Exception {
        Network net = new Network(loop, 2, new LinkProfile(1_000_000, 0, 0), new SendBudget(1, 1e9, 2), 1);
        SimTransport a = node(net, 0);
        SimTransport b = node(net, 1);
        for (int i = 0; i < 5; i++) {
            a.sendPacket(b.localAddress(), new byte[100]);
        }
        loop.runUntil(10 * SECOND);
        assertThat(arrivals).containsExactly(SECOND + 1_000_000, 2 * SECOND + 1_000_000);
        assertThat(net.traffic.packetsQueueDropped).isEqualTo(3);
        assertThat(net.traffic.bytesSent[0]).isEqualTo(200);
        assertThat(net.traffic.bytesReceived[1]).isEqualTo(200);
    }

    @Test
    void partitionsCutAndHealAndLossDrops() throws Exception {
        Network net = new Network(loop, 2, LinkProfile.LAN, SendBudget.UNLIMITED, 1);
        SimTransport a = node(net, 0);
        SimTransport b = node(net, 1);
        net.partition(new int[] {0, 1});
        a.sendPacket(b.localAddress(), new byte[10]);
        loop.runUntil(SECOND);
        assertThat(arrivals).isEmpty();
        assertThat(net.traffic.packetsCut).isEqualTo(1);
        net.heal();
        a.sendPacket(b.localAddress(), new byte[10]);
        loop.runUntil(2 * SECOND);
        assertThat(arrivals).hasSize(1);

        Network lossy = new Network(loop, 2, LinkProfile.LAN.withLoss(1.0), SendBudget.UNLIMITED, 1);
        SimTransport c = node(lossy, 0);
        SimTransport d = node(lossy, 1);
        c.sendPacket(d.localAddress(), new byte[10]);
        loop.runUntil(3 * SECOND);
        assertThat(arrivals).hasSize(1);
        assertThat(lossy.traffic.packetsLost).isEqualTo(1);
    }

    /** Loss outcomes of {@code packets} consecutive packets on the link 0 → 1. */
    private static boolean[] losses(Network net, int packets) {
        boolean[] lost = new boolean[packets];
        for (int i = 0; i < packets; i++) {
            lost[i] = net.lose(0, 1);
        }
        return lost;
    }

    private static double rate(boolean[] lost) {
        int n = 0;
        for (boolean l : lost) {
            n += l ? 1 : 0;
        }
        return (double) n / lost.length;
    }

    /** P(packet lost | the packet before it was lost). */
    private static double lossAfterLoss(boolean[] lost) {
        int pairs = 0;
        int both = 0;
        for (int i = 1; i < lost.length; i++) {
            if (lost[i - 1]) {
                pairs++;
                both += lost[i] ? 1 : 0;
            }
        }
        return (double) both / pairs;
    }

    @Test
    void independentLossOfALongRunMatchesTheConfiguredRateAndIsNotBursty() {
        Network net = new Network(loop, 2, LinkProfile.LAN.withLoss(0.05), SendBudget.UNLIMITED, 11);
        boolean[] lost = losses(net, 200_000);
        assertThat(rate(lost)).isBetween(0.045, 0.055);
        assertThat(lossAfterLoss(lost)).isBetween(0.03, 0.07);
    }

    @Test
    void burstLossOfALongRunMatchesTheStationaryRateAndComesInBursts() {
        GilbertElliott ge = new GilbertElliott(0.01, 0.1, 0.0, 0.5);
        Network net = new Network(loop, 2, LinkProfile.LAN.withBurstLoss(ge), SendBudget.UNLIMITED, 12);
        boolean[] lost = losses(net, 400_000);
        double expected = ge.stationaryLoss(); // 0.0455
        assertThat(rate(lost)).isBetween(expected * 0.8, expected * 1.2);
        // Inside a bad spell (10 packets on average) the next packet is lost with ≈ 0.45, ten times the mean rate.
        assertThat(lossAfterLoss(lost)).isGreaterThan(5 * expected);
    }

    @Test
    void eachDirectedLinkHasItsOwnBurstState() {
        // Links 0 → 1 always bad once entered, 1 → 0 always good: the states must not leak between directions.
        LinkModel links = (from, to) -> from == 0 ? LinkProfile.LAN.withBurstLoss(new GilbertElliott(1, 1e-9, 0, 1))
                : LinkProfile.LAN.withBurstLoss(new GilbertElliott(0, 1, 0, 1));
        Network net = new Network(loop, 2, links, SendBudget.UNLIMITED, 13);
        for (int i = 0; i < 100; i++) {
            assertThat(net.lose(0, 1)).isTrue();
            assertThat(net.lose(1, 0)).isFalse();
        }
    }

    @Test
    void asymmetricLinksDifferInLossAndLatencyByDirection() throws Exception {
        LinkProfile slowLossy = new LinkProfile(5_000_000, 0, 0.2);
        LinkProfile fast = new LinkProfile(1_000_000, 0, 0.0);
        Network net = new Network(loop, 2, (from, to) -> from == 0 ? slowLossy : fast, SendBudget.UNLIMITED, 14);
        Map<Long, Integer> latencies = new TreeMap<>();
        SimTransport a = node(net, 0);
        SimTransport b = node(net, 1);
        int packets = 20_000;
        for (int i = 0; i < packets; i++) {
            long sentAt = (long) i * 10_000_000L;
            loop.at(sentAt, () -> a.sendPacket(b.localAddress(), new byte[10]));
        }
        loop.runUntil((long) packets * 10_000_000L + SECOND);
        for (int i = 0; i < arrivals.size(); i++) {
            latencies.merge(arrivals.get(i) % 10_000_000L, 1, Integer::sum);
        }
        double lossAB = 1.0 - (double) arrivals.size() / packets;
        assertThat(lossAB).isBetween(0.18, 0.22);
        assertThat(latencies).containsOnlyKeys(5_000_000L);

        arrivals.clear();
        latencies.clear();
        long start = loop.now();
        for (int i = 0; i < packets; i++) {
            long sentAt = start + (long) i * 10_000_000L;
            loop.at(sentAt, () -> b.sendPacket(a.localAddress(), new byte[10]));
        }
        loop.runUntil(start + (long) packets * 10_000_000L + SECOND);
        assertThat(arrivals).hasSize(packets);
        for (long t : arrivals) {
            latencies.merge((t - start) % 10_000_000L, 1, Integer::sum);
        }
        assertThat(latencies).containsOnlyKeys(1_000_000L);
    }
}
