package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.net.IpAddress;
import java.util.List;

/**
 * A validated report: the agent's space and host, its interfaces, and every sighting to record (the host's own
 * addresses first, as {@code inventory} sightings, then what it heard on the wire).
 */
record ReportedHost(long spaceId, String hostname, String version, boolean arpWatch, int reportIntervalSeconds,
                    List<HostInterface> interfaces, List<Sighting> sightings) {

    /** One interface; {@code mac} is empty for links without one (tun). */
    record HostInterface(String name, String mac, List<HostAddress> addresses, boolean watched) {}

    /** An address with its on-link prefix length, e.g. 198.18.0.10/24. */
    record HostAddress(IpAddress address, int prefixLength) {
        @Override
        public String toString() {
            return address + "/" + prefixLength;
        }
    }
}
