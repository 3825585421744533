package io.ipkeeper.agent.arp;

/** A frame that is not a well-formed IPv4-over-Ethernet ARP packet; {@link #reason()} says which rule it broke. */
public final class MalformedArpFrameException extends Exception {

    /** The rule a frame broke, in the order the codec checks them. */
    public enum Reason {
        TOO_SHORT,
        NOT_ARP_ETHERTYPE,
        NOT_ETHERNET_HARDWARE,
        NOT_IPV4_PROTOCOL,
        BAD_ADDRESS_LENGTHS,
        UNKNOWN_OPERATION,
        BAD_SENDER_MAC
    }

    private final Reason reason;

    public MalformedArpFrameException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
