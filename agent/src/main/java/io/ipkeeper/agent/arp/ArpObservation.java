package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Objects;

/**
 * "Address was used by MAC on interface", coalesced over one batch: {@code count} frames between {@code firstSeen} and
 * {@code lastSeen}, the latest of which had {@code kind}. For a {@link ArpKind#PROBE} the address is the probed target
 * (someone is about to take it); for every other kind it is the sender's claimed address.
 */
public record ArpObservation(
        Inet4Address address, MacAddress mac, String interfaceName, ArpKind kind, Instant firstSeen, Instant lastSeen, long count) {

    public ArpObservation {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (count < 1) {
            throw new IllegalArgumentException("an observation covers at least one frame, not " + count);
        }
    }

    /** The observation one frame heard on {@code interfaceName} at {@code at} gives. */
    public static ArpObservation of(ArpFrame frame, String interfaceName, Instant at) {
        Inet4Address address = frame.kind() == ArpKind.PROBE ? frame.targetIp() : frame.senderIp();
        return new ArpObservation(address, frame.senderMac(), interfaceName, frame.kind(), at, at, 1);
    }

    /** This observation extended by a later one for the same (interface, address, MAC). */
    ArpObservation merge(ArpObservation later) {
        return new ArpObservation(address, mac, interfaceName, later.kind, firstSeen, later.lastSeen, count + later.count);
    }
}
