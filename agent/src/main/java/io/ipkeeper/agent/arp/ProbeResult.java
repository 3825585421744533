package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;

/**
 * What an RFC 5227 probe found.
 *
 * @param answeringMacs every other station that claimed {@code address} (a reply, a request or announcement from it,
 *     or its own probe for the same address) while we probed, in the order first heard; empty means nobody answered
 */
public record ProbeResult(Inet4Address address, String interfaceName, Duration duration, int probesSent, List<MacAddress> answeringMacs) {

    public ProbeResult {
        answeringMacs = List.copyOf(answeringMacs);
    }

    /** Somebody answered: the address is in use (two or more MACs: by several stations at once). */
    public boolean inUse() {
        return !answeringMacs.isEmpty();
    }
}
