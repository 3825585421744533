package io.ipkeeper.agent.arp;

/**
 * What a frame means, derived from its opcode and addresses. An RFC 5227 <em>announcement</em> is a gratuitous
 * request; a <em>probe</em> is a request whose sender IP is 0.0.0.0 (it claims nothing, it asks "is X taken?").
 */
public enum ArpKind {
    /** "Who has target? tell sender" — also says sender IP is at sender MAC. */
    REQUEST,
    /** "Sender IP is at sender MAC", usually unicast to the requester. */
    REPLY,
    /** RFC 5227 probe: sender IP 0.0.0.0, asking whether the target IP is in use. */
    PROBE,
    /** Request with sender IP = target IP: an announcement (RFC 5227) or gratuitous ARP. */
    GRATUITOUS_REQUEST,
    /** Reply with sender IP = target IP: gratuitous ARP as sent by e.g. {@code arping -A}. */
    GRATUITOUS_REPLY
}
