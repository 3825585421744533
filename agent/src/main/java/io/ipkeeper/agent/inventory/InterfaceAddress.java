package io.ipkeeper.agent.inventory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/** An IPv4 or IPv6 address with its prefix length, printed as CIDR ({@code 198.18.0.1/24}). */
public record InterfaceAddress(InetAddress address, int prefixLength) implements Comparable<InterfaceAddress> {

    private static final Comparator<InterfaceAddress> ORDER = Comparator
            .comparingInt((InterfaceAddress a) -> a.address.getAddress().length)
            .thenComparing((a, b) -> Arrays.compareUnsigned(a.address.getAddress(), b.address.getAddress()))
            .thenComparingInt(InterfaceAddress::prefixLength);

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not within 0.." + bits + " for " + address.getHostAddress());
        }
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** The subnet this address is in: host bits cleared, e.g. {@code 198.18.0.0/24} for {@code 198.18.0.1/24}. */
    public InterfaceAddress network() {
        byte[] bytes = address.getAddress();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return new InterfaceAddress(InetAddress.getByAddress(bytes), prefixLength);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public int compareTo(InterfaceAddress other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
