package io.ipkeeper.sim;

import io.ipkeeper.gossip.Delegate;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.MembershipListener;
import io.ipkeeper.gossip.internal.protocol.KeyringHolder;
import io.ipkeeper.gossip.internal.protocol.ProtocolNode;
import io.ipkeeper.gossip.internal.protocol.SimulationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated machine: a fixed name and address, and the current life of its process (the production
 * {@link ProtocolNode} on a {@link SimScheduler} and a {@link SimTransport}). A crash ends the life; a restart begins a
 * new one with a fresh protocol state, as when an agent restarts.
 */
final class SimNode {
    final int index;
    final String name;
    final InetSocketAddress address;
    private final Simulation sim;
    private ProtocolNode node;
    private SimScheduler scheduler;
    private int lives;
    private boolean up;
    private long upSince;
    private int metaVersion;
    /** Broadcasts waiting in this process's transmit queue (0 when down). */
    int queueDepth;

    SimNode(Simulation sim, int index) {
        this.sim = sim;
        this.index = index;
        this.name = String.format("node-%05d", index);
        this.address = new InetSocketAddress(addressOf(index), 7946);
    }

    private static InetAddress addressOf(int index) {
        int n = index + 1;
        try {
            return InetAddress.getByAddress(new byte[] {10, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new life of the process and joins through {@code seeds} (none: the first node). */
    void start(List<InetSocketAddress> seeds) {
        if (up) {
            return;
        }
        scheduler = new SimScheduler(sim.loop);
        SimTransport transport = new SimTransport(index, address, sim.network, scheduler);
        GossipConfig config = sim.gossipConfig.toBuilder().name(name).build();
        SplittableRandom random = new SplittableRandom(Seeds.mix(sim.seed, Seeds.NODE + ((long) index << 16) + lives));
        lives++;
        node = new ProtocolNode(config, transport, scheduler, random, new KeyringHolder(null), new Observer(),
                new MetaDelegate(), new Counters(), address,
                new SimulationOptions(sim.legacy, true, sim.scenario.lifeguard(), sim.shared,
                        sim.packetBytes ? null : transport, sim.quietMerge));
        transport.protocol(node);
        up = true;
        sim.lifeChanged(true);
        upSince = sim.loop.now();
        try {
            node.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!seeds.isEmpty()) {
            ProtocolNode joining = node;
            scheduler.execute(() -> joining.join(seeds));
        }
    }

    /** Kills the process without a word: the others must detect it. */
    void crash() {
        if (!up) {
            return;
        }
        node.shutdown();
        scheduler.stop();
        up = false;
        sim.lifeChanged(false);
        queueDepth = 0;
    }

    /** Starves the process of CPU for {@code nanos} from now. */
    void pause(long nanos) {
        if (up) {
            scheduler.pauseUntil(sim.loop.now() + nanos);
        }
    }

    /** Stops the process reading its socket for {@code nanos} from now (its timers keep running). */
    void stallInbound(long nanos) {
        if (up) {
            scheduler.stallInboundUntil(sim.loop.now() + nanos);
        }
    }

    /** Changes this node's meta data and gossips it (an update whose dissemination can be timed). */
    int bumpMeta() {
        metaVersion++;
        ProtocolNode current = node;
        scheduler.execute(current::updateNode);
        return metaVersion;
    }

    boolean up() {
        return up;
    }

    long upSince() {
        return upSince;
    }

    /** The process's member table (sorted by name), or empty when down; built on demand (lazy snapshots). */
    List<Member> members() {
        return up ? node.members() : List.of();
    }

    static int metaVersionOf(Member m) {
        byte[] meta = m.meta();
        return meta == null || meta.length != 4 ? 0 : ByteBuffer.wrap(meta).getInt();
    }

    private final class Observer implements MembershipListener {
        @Override
        public void onLeave(Member member) {
            if (member.state() == MemberState.DEAD) {
                sim.metrics.declaredDead(index, member.name());
            }
        }

        @Override
        public void onUpdate(Member member) {
            sim.metrics.updateSeen(index, member.name(), metaVersionOf(member));
        }
    }

    private final class MetaDelegate implements Delegate {
        @Override
        public byte[] nodeMeta(int limit) {
            return metaVersion == 0 ? null : ByteBuffer.allocate(4).putInt(metaVersion).array();
        }
    }

    private final class Counters implements GossipMetrics {
        @Override
        public void suspicionRaised() {
            sim.metrics.suspicionRaised();
        }

        @Override
        public void broadcastQueueDepth(int depth) {
            if (up) {
                queueDepth = depth;
            }
        }
    }
}
