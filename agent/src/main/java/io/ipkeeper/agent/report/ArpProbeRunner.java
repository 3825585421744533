package io.ipkeeper.agent.report;

import io.ipkeeper.agent.arp.ArpProber;
import io.ipkeeper.agent.arp.ArpSocket;
import io.ipkeeper.agent.arp.ArpSockets;
import io.ipkeeper.agent.arp.ProbeResult;
import io.ipkeeper.agent.arp.ProbeTiming;
import io.ipkeeper.agent.arp.RawSocketException;
import java.net.Inet4Address;
import java.security.SecureRandom;

/**
 * Probes on a socket of its own (each AF_PACKET socket gets its own copy of every frame, so the ARP watch keeps
 * hearing everything meanwhile), with the fast RFC 5227 timing: 3 probes, about 2 s in all.
 */
public final class ArpProbeRunner implements ProbeRunner {
    private final ArpProber prober = new ArpProber(ProbeTiming.fast(), new SecureRandom());

    @Override
    public ProbeResult probe(String interfaceName, Inet4Address address) throws RawSocketException {
        try (ArpSocket socket = ArpSockets.open(interfaceName)) {
            return prober.probe(socket, address);
        }
    }
}
