package io.ipkeeper.bench.gossip.pushpull;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.internal.state.GossipMath;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the memberlist-compatible push/pull costs per node as the cluster grows: the exact encoded size of one full
 * push/pull message (LZW-compressed as a stream is sent with LAN defaults) for N members named and addressed as in the
 * simulator ({@code node-%05d}, 10.x.y.z:7946, 4 bytes of meta, the LAN config's protocol versions), the push/pull interval memberlist
 * scales with N, and the resulting bytes sent per node per second: each node starts one exchange per interval (sends its
 * state) and answers on average one (sends its state again), so 2 × size / interval.
 *
 * <p>{@code java -jar ipkeeper-bench.jar gossip-pushpull [N ...]} (default 100 1000 2000 10000).
 */
public final class PushPullBandwidth {
    private PushPullBandwidth() {}

    static byte[] state(int n, GossipConfig config) {
        List<PushNodeState> nodes = new ArrayList<>(n);
        byte[] vsn = config.vsn();
        for (int i = 0; i < n; i++) {
            int a = i + 1;
            byte[] addr = {10, (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
            byte[] meta = ByteBuffer.allocate(4).putInt(1 + i % 7).array();
            nodes.add(new PushNodeState(String.format("node-%05d", i), addr, 7946, meta, 1 + i % 3,
                    PushNodeState.ALIVE, vsn));
        }
        return StreamCodec.encodeStream(new PushPull(false, nodes, null), WireOptions.plain().withCompression(config.enableCompression()));
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100, 1000, 2000, 10000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        GossipConfig lan = GossipConfig.lan().name("bench").build();
        double base = -1;
        System.out.println("nodes  push/pull bytes  bytes/member  interval s  push/pull B/s per node  vs first");
        for (int n : sizes) {
            int bytes = state(n, lan).length;
            long interval = GossipMath.pushPullScale(lan.pushPullInterval(), n).toSeconds();
            double perNode = 2.0 * bytes / interval;
            if (base < 0) {
                base = perNode;
            }
            System.out.println(String.format(Locale.ROOT, "%6d %16d %13.1f %11d %23.1f %9.2f", n, bytes,
                    (double) bytes / n, interval, perNode, perNode / base));
        }
    }
}
