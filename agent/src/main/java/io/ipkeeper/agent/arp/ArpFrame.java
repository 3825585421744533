package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.net.Inet4Address;
import java.util.Objects;

/**
 * One IPv4-over-Ethernet ARP packet with its Ethernet header. Build the common shapes with the static factories;
 * {@link ArpCodec} turns frames into bytes and back.
 *
 * @param ethernetDestination the frame's destination (broadcast for requests, probes and announcements)
 * @param ethernetSource the frame's source; normally equal to {@code senderMac} (see {@link #ethernetMismatch()})
 */
public record ArpFrame(
        MacAddress ethernetDestination,
        MacAddress ethernetSource,
        ArpOperation operation,
        MacAddress senderMac,
        Inet4Address senderIp,
        MacAddress targetMac,
        Inet4Address targetIp) {

    public ArpFrame {
        Objects.requireNonNull(ethernetDestination, "ethernetDestination");
        Objects.requireNonNull(ethernetSource, "ethernetSource");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(senderMac, "senderMac");
        Objects.requireNonNull(senderIp, "senderIp");
        Objects.requireNonNull(targetMac, "targetMac");
        Objects.requireNonNull(targetIp, "targetIp");
    }

    /** "Who has {@code targetIp}? Tell {@code senderIp}", broadcast. */
    public static ArpFrame request(MacAddress senderMac, Inet4Address senderIp, Inet4Address targetIp) {
        return new ArpFrame(MacAddress.BROADCAST, senderMac, ArpOperation.REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
    }

    /** "{@code senderIp} is at {@code senderMac}", unicast to the requester. */
    public static ArpFrame reply(MacAddress senderMac, Inet4Address senderIp, MacAddress targetMac, Inet4Address targetIp) {
        return new ArpFrame(targetMac, senderMac, ArpOperation.REPLY, senderMac, senderIp, targetMac, targetIp);
    }

    /** RFC 5227 probe: sender IP 0.0.0.0, target MAC zero, broadcast; poisons nobody's ARP cache. */
    public static ArpFrame probe(MacAddress senderMac, Inet4Address candidate) {
        return new ArpFrame(MacAddress.BROADCAST, senderMac, ArpOperation.REQUEST, senderMac, Ipv4.ANY, MacAddress.ZERO, candidate);
    }

    /** RFC 5227 announcement, i.e. a gratuitous request: sender IP = target IP = the claimed address. */
    public static ArpFrame announcement(MacAddress senderMac, Inet4Address claimed) {
        return new ArpFrame(MacAddress.BROADCAST, senderMac, ArpOperation.REQUEST, senderMac, claimed, MacAddress.ZERO, claimed);
    }

    /** Gratuitous reply, broadcast, as {@code arping -A} sends it. */
    public static ArpFrame gratuitousReply(MacAddress senderMac, Inet4Address claimed) {
        return new ArpFrame(MacAddress.BROADCAST, senderMac, ArpOperation.REPLY, senderMac, claimed, MacAddress.BROADCAST, claimed);
    }

    /** What the frame means; see {@link ArpKind}. */
    public ArpKind kind() {
        if (operation == ArpOperation.REQUEST && senderIp.equals(Ipv4.ANY)) {
            return ArpKind.PROBE;
        }
        boolean gratuitous = senderIp.equals(targetIp);
        return switch (operation) {
            case REQUEST -> gratuitous ? ArpKind.GRATUITOUS_REQUEST : ArpKind.REQUEST;
            case REPLY -> gratuitous ? ArpKind.GRATUITOUS_REPLY : ArpKind.REPLY;
        };
    }

    /** The sender's claim "senderIp is at senderMac" is in this frame (everything but a probe). */
    public boolean claimsSenderIp() {
        return kind() != ArpKind.PROBE;
    }

    /** Ethernet source differs from the ARP sender MAC: proxies, bridges doing odd things, or spoofing (arpwatch's "ethernet mismatch"). */
    public boolean ethernetMismatch() {
        return !ethernetSource.equals(senderMac);
    }
}
