package io.ipkeeper.agent.arp;

/**
 * Counters of an {@link ArpWatch} since it started.
 *
 * @param framesHeard well-formed ARP frames from other stations
 * @param framesDropped frames dropped by the rate limit
 * @param observationsDelivered observations handed to the sink (after coalescing)
 * @param batchesDelivered batches handed to the sink
 * @param malformedFrames frames the sockets skipped as malformed
 */
public record ArpWatchStats(long framesHeard, long framesDropped, long observationsDelivered, long batchesDelivered, long malformedFrames) {}
