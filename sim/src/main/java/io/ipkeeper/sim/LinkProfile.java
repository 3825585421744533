package io.ipkeeper.sim;

/**
 * How every link behaves: one-way latency = base + uniform jitter, independent loss per packet. Streams (TCP) are not
 * lossy (TCP retransmits) but see the same latency and the same partitions.
 *
 * @param baseLatencyNanos fixed part of the one-way latency
 * @param jitterNanos uniform extra latency in [0, jitter)
 * @param loss probability that one packet is lost, independently of the others
 */
public record LinkProfile(long baseLatencyNanos, long jitterNanos, double loss) {

    /** A data-centre LAN: 0.2 ms + up to 0.6 ms, no loss. */
    public static final LinkProfile LAN = new LinkProfile(200_000, 600_000, 0.0);

    public LinkProfile {
        if (baseLatencyNanos < 0 || jitterNanos < 0 || loss < 0 || loss > 1) {
            throw new IllegalArgumentException("bad link profile");
        }
    }

    public LinkProfile withLoss(double loss) {
        return new LinkProfile(baseLatencyNanos, jitterNanos, loss);
    }
}
