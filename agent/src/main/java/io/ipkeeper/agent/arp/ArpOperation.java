package io.ipkeeper.agent.arp;

/** The ARP opcode: the only two IPv4-over-Ethernet uses (RFC 826). */
public enum ArpOperation {
    REQUEST(1),
    REPLY(2);

    private final int code;

    ArpOperation(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
