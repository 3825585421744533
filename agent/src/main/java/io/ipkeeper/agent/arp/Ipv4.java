package io.ipkeeper.agent.arp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses from raw bytes or dotted quads, never touching DNS. */
public final class Ipv4 {

    /** 0.0.0.0, the sender address of an RFC 5227 probe. */
    public static final Inet4Address ANY = of(new byte[4], 0);

    private Ipv4() {}

    /** The address in {@code bytes[offset .. offset+3]}. */
    public static Inet4Address of(byte[] bytes, int offset) {
        byte[] four = new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    /** Parses a dotted quad like {@code 198.18.0.1}; no host names, no DNS. */
    public static Inet4Address parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address (want a.b.c.d): '" + text + "'");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("not an IPv4 address (want a.b.c.d): '" + text + "'");
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return of(bytes, 0);
    }
}
