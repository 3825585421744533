package io.ipkeeper.sim;

/**
 * How one directed link behaves: one-way latency = base + uniform jitter; packet loss either independent per packet
 * ({@code loss}) or bursty ({@code burst}, a {@link GilbertElliott} chain per directed link, which then replaces
 * {@code loss}). Streams (TCP) are not lossy (TCP retransmits) but see the same latency and the same partitions.
 *
 * @param baseLatencyNanos fixed part of the one-way latency
 * @param jitterNanos uniform extra latency in [0, jitter)
 * @param loss probability that one packet is lost, independently of the others (ignored when {@code burst} is set)
 * @param burst bursty loss model, or null for independent loss
 */
public record LinkProfile(long baseLatencyNanos, long jitterNanos, double loss, GilbertElliott burst) {

    /** A data-centre LAN: 0.2 ms + up to 0.6 ms, no loss. */
    public static final LinkProfile LAN = new LinkProfile(200_000, 600_000, 0.0);

    public LinkProfile {
        if (baseLatencyNanos < 0 || jitterNanos < 0 || !(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException("bad link profile: latency " + baseLatencyNanos + " + " + jitterNanos
                    + " ns, loss " + loss);
        }
    }

    /** Independent loss only. */
    public LinkProfile(long baseLatencyNanos, long jitterNanos, double loss) {
        this(baseLatencyNanos, jitterNanos, loss, null);
    }

    public LinkProfile withLoss(double loss) {
        return new LinkProfile(baseLatencyNanos, jitterNanos, loss, null);
    }

    public LinkProfile withBurstLoss(GilbertElliott burst) {
        return new LinkProfile(baseLatencyNanos, jitterNanos, 0, burst);
    }

    public LinkProfile withLatency(long baseLatencyNanos, long jitterNanos) {
        return new LinkProfile(baseLatencyNanos, jitterNanos, loss, burst);
    }
}
