package io.ipkeeper.agent.report;

import io.ipkeeper.agent.arp.ProbeResult;
import io.ipkeeper.agent.arp.RawSocketException;
import java.net.Inet4Address;

/** Runs one ARP probe for the server. {@link ArpProbeRunner} is the real one (RFC 5227 on a raw socket). */
@FunctionalInterface
public interface ProbeRunner {
    ProbeResult probe(String interfaceName, Inet4Address address) throws RawSocketException;
}
