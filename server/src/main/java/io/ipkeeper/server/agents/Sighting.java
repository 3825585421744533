package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;

/**
 * One validated piece of evidence that {@code mac} uses {@code address}, with server-stamped times.
 *
 * @param source {@code arp}, {@code inventory} or {@code probe} (the {@code observation.source} column)
 */
record Sighting(IpAddress address, String mac, String interfaceName, String source, long count, Instant firstSeen,
                Instant lastSeen) implements Comparable<Sighting> {

    /** Rows are written in this order, so two reports touching the same rows lock them in the same order. */
    @Override
    public int compareTo(Sighting o) {
        int c = address.compareTo(o.address);
        return c != 0 ? c : mac.compareTo(o.mac);
    }
}
