package io.ipkeeper.sim;

import io.ipkeeper.gossip.GossipConfig;

/**
 * The analytic memberlist model the {@code crash} scenario is judged against (prior-art-gossip.md §4, from SWIM §4.3,
 * Lifeguard and memberlist's config), in seconds, for a cluster of {@code n} nodes:
 * <ul>
 *   <li>wait until some node probes the crashed one: e/(e−1) × ProbeInterval (every node probes one member per
 *       interval, so about one probe per interval reaches any given member);</li>
 *   <li>the probe round fails: one ProbeInterval (indirect probes and the TCP fallback run until its end);</li>
 *   <li>suspect → dead: SuspicionMult × max(1, log10 n) × ProbeInterval, Lifeguard's minimum, reached once k =
 *       SuspicionMult − 2 further nodes have independently suspected it (about one per interval, well within the
 *       minimum, so the minimum applies);</li>
 *   <li>dead declaration → 99.9% of the nodes: random push with fanout f = GossipNodes needs about
 *       log_{f+1} n + ln n / f rounds of GossipInterval.</li>
 * </ul>
 */
final class MemberlistModel {
    private MemberlistModel() {}

    /** Expected time from a crash to the first node declaring it dead. */
    static double detectionSeconds(GossipConfig config, int n) {
        double t = config.probeInterval().toNanos() / 1e9;
        double firstProbe = Math.E / (Math.E - 1) * t;
        double suspicionMin = config.suspicionMult() * Math.max(1.0, Math.log10(n)) * t;
        return firstProbe + t + suspicionMin;
    }

    /** Expected time from the first dead declaration until 99.9% of the nodes have it (gossip rounds). */
    static double disseminationSeconds(GossipConfig config, int n) {
        int f = config.gossipNodes();
        double rounds = Math.log(n) / Math.log(f + 1) + Math.log(n) / f;
        return rounds * config.gossipInterval().toNanos() / 1e9;
    }

    /** Expected time from a crash until 99.9% of the nodes have declared it dead. */
    static double reached999Seconds(GossipConfig config, int n) {
        return detectionSeconds(config, n) + disseminationSeconds(config, n);
    }
}
