package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * RFC 5227 probing: sends PROBE_NUM probes (sender IP 0.0.0.0) for a candidate address with jittered spacing and
 * listens throughout and for a while after the last one, collecting <em>every</em> MAC that claims the address. It does
 * not stop at the first answer: two answering MACs is the live duplicate the agent exists to catch.
 */
public final class ArpProber {

    private final ProbeTiming timing;
    private final RandomGenerator random;

    public ArpProber(ProbeTiming timing, RandomGenerator random) {
        this.timing = Objects.requireNonNull(timing, "timing");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Probes {@code candidate} on {@code socket}'s interface; blocks for the whole probe (see {@link ProbeTiming}). */
    public ProbeResult probe(ArpSocket socket, Inet4Address candidate) throws RawSocketException {
        if (candidate.equals(Ipv4.ANY) || candidate.isMulticastAddress() || candidate.getAddress()[0] == (byte) 255) {
            throw new IllegalArgumentException("cannot probe " + candidate.getHostAddress() + ": not a unicast address");
        }
        MacAddress own = socket.mac();
        Set<MacAddress> answering = new LinkedHashSet<>();
        long start = System.nanoTime();
        long nextSend = start + jitter(Duration.ZERO, timing.probeWait());
        int sent = 0;
        long listenUntil = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (sent < timing.probeNum() && now - nextSend >= 0) {
                socket.send(ArpFrame.probe(own, candidate));
                sent++;
                if (sent < timing.probeNum()) {
                    nextSend = now + jitter(timing.probeMin(), timing.probeMax());
                } else {
                    listenUntil = now + timing.listenAfterLast().toNanos();
                }
                continue;
            }
            long until = sent < timing.probeNum() ? nextSend : listenUntil;
            if (sent == timing.probeNum() && now - listenUntil >= 0) {
                break;
            }
            Optional<ArpFrame> frame = socket.receive(Duration.ofNanos(Math.max(0, until - now)));
            frame.filter(f -> claims(f, candidate, own)).ifPresent(f -> answering.add(f.senderMac()));
        }
        return new ProbeResult(candidate, socket.interfaceName(), Duration.ofNanos(System.nanoTime() - start), sent, answering.stream().toList());
    }

    /** RFC 5227 §2.1.1: any ARP whose sender IP is the candidate, or another host's probe for it, is a conflict. */
    static boolean claims(ArpFrame frame, Inet4Address candidate, MacAddress own) {
        if (frame.senderMac().equals(own)) {
            return false;
        }
        return frame.senderIp().equals(candidate) || (frame.kind() == ArpKind.PROBE && frame.targetIp().equals(candidate));
    }

    private long jitter(Duration min, Duration max) {
        long lo = min.toNanos();
        long hi = max.toNanos();
        return hi <= lo ? lo : random.nextLong(lo, hi + 1);
    }
}
