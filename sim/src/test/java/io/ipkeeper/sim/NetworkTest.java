package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network model on its own: send budget and queue, partitions, loss, exact byte accounting. */
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
}
