package io.ipkeeper.ipam.model;

import io.ipkeeper.ipam.net.AddressCount;

/**
 * Usage of a leaf subnet or range, read from counters kept in the allocating transaction (no scan).
 *
 * @param size addresses that can ever be handed out (network, broadcast, gateway and reserved ranges excluded)
 * @param free {@code size} minus every live allocation (quarantined ones included: they are not free yet)
 * @param thresholdPercent the subnet's utilization threshold, or null
 */
public record Utilization(AddressCount size, long allocated, long reserved, long quarantined, AddressCount free,
                          Integer thresholdPercent) {

    /** Used share of {@code size} in percent (0 for an empty pool). */
    public double usedPercent() {
        double s = size.toDouble();
        return s == 0 ? 0 : 100.0 * (allocated + reserved + quarantined) / s;
    }

    public boolean aboveThreshold() {
        return thresholdPercent != null && usedPercent() >= thresholdPercent;
    }
}
