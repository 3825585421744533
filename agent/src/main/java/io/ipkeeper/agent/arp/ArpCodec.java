package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.MalformedArpFrameException.Reason;

/**
 * Ethernet II + ARP (RFC 826) for IPv4, both directions. Pure: no I/O, no state.
 *
 * <p>Parsing is strict about everything that decides meaning (ethertype, hardware and protocol types, address
 * lengths, opcode, a unicast sender MAC) and lenient about trailing bytes, which are Ethernet padding to 60 bytes on
 * most links. Any input either parses or raises {@link MalformedArpFrameException}; nothing else is thrown.
 */
public final class ArpCodec {

    /** Ethernet header (14) + ARP for IPv4 over Ethernet (28). */
    public static final int FRAME_LENGTH = 42;
    public static final int ETHERTYPE_ARP = 0x0806;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int HTYPE_ETHERNET = 1;

    private ArpCodec() {}

    /** The 42-byte wire form of {@code frame}. */
    public static byte[] encode(ArpFrame frame) {
        byte[] b = new byte[FRAME_LENGTH];
        frame.ethernetDestination().writeTo(b, 0);
        frame.ethernetSource().writeTo(b, 6);
        putShort(b, 12, ETHERTYPE_ARP);
        putShort(b, 14, HTYPE_ETHERNET);
        putShort(b, 16, ETHERTYPE_IPV4);
        b[18] = MacAddress.LENGTH;
        b[19] = 4;
        putShort(b, 20, frame.operation().code());
        frame.senderMac().writeTo(b, 22);
        System.arraycopy(frame.senderIp().getAddress(), 0, b, 28, 4);
        frame.targetMac().writeTo(b, 32);
        System.arraycopy(frame.targetIp().getAddress(), 0, b, 38, 4);
        return b;
    }

    public static ArpFrame decode(byte[] frame) throws MalformedArpFrameException {
        return decode(frame, frame == null ? 0 : frame.length);
    }

    /** Parses the first {@code length} bytes of {@code frame}. */
    public static ArpFrame decode(byte[] frame, int length) throws MalformedArpFrameException {
        if (frame == null || length < FRAME_LENGTH || length > frame.length) {
            throw new MalformedArpFrameException(Reason.TOO_SHORT, "an Ethernet ARP frame has at least " + FRAME_LENGTH
                    + " bytes, got " + (frame == null ? "none" : Math.min(Math.max(length, 0), frame.length)));
        }
        int ethertype = getShort(frame, 12);
        if (ethertype != ETHERTYPE_ARP) {
            throw new MalformedArpFrameException(Reason.NOT_ARP_ETHERTYPE,
                    "ethertype 0x%04x is not ARP (0x0806)".formatted(ethertype));
        }
        int htype = getShort(frame, 14);
        if (htype != HTYPE_ETHERNET) {
            throw new MalformedArpFrameException(Reason.NOT_ETHERNET_HARDWARE, "ARP hardware type " + htype + " is not Ethernet (1)");
        }
        int ptype = getShort(frame, 16);
        if (ptype != ETHERTYPE_IPV4) {
            throw new MalformedArpFrameException(Reason.NOT_IPV4_PROTOCOL,
                    "ARP protocol type 0x%04x is not IPv4 (0x0800)".formatted(ptype));
        }
        if (frame[18] != MacAddress.LENGTH || frame[19] != 4) {
            throw new MalformedArpFrameException(Reason.BAD_ADDRESS_LENGTHS,
                    "ARP address lengths " + frame[18] + "/" + frame[19] + " are not 6/4");
        }
        int opcode = getShort(frame, 20);
        ArpOperation operation = switch (opcode) {
            case 1 -> ArpOperation.REQUEST;
            case 2 -> ArpOperation.REPLY;
            default -> throw new MalformedArpFrameException(Reason.UNKNOWN_OPERATION, "ARP opcode " + opcode + " is neither request (1) nor reply (2)");
        };
        MacAddress senderMac = MacAddress.of(frame, 22);
        if (senderMac.isMulticast() || senderMac.isZero()) {
            throw new MalformedArpFrameException(Reason.BAD_SENDER_MAC,
                    "ARP sender MAC " + senderMac + " is not a station address (zero, broadcast or multicast)");
        }
        return new ArpFrame(
                MacAddress.of(frame, 0),
                MacAddress.of(frame, 6),
                operation,
                senderMac,
                Ipv4.of(frame, 28),
                MacAddress.of(frame, 32),
                Ipv4.of(frame, 38));
    }

    private static int getShort(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    private static void putShort(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 8);
        b[offset + 1] = (byte) value;
    }
}
