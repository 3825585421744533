package io.ipkeeper.ipam.net;

import io.ipkeeper.ipam.error.MalformedPrefix;

/**
 * A canonical CIDR prefix: a network address with no host bits set, and a length. IPv4 and IPv6 alike; all math on
 * the fixed-width {@link IpAddress} values.
 */
public final class Prefix implements Comparable<Prefix> {

    private final IpAddress network;
    private final int length;

    private Prefix(IpAddress network, int length) {
        this.network = network;
        this.length = length;
    }

    /**
     * Parses {@code address/length}. Host bits set is an error whose message names the canonical prefix
     * ("198.51.100.7/24 has host bits set; did you mean 198.51.100.0/24?").
     */
    public static Prefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedPrefix("the prefix is empty");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new MalformedPrefix("'" + text + "' is not a prefix: expected address/length, e.g. 10.0.0.0/24");
        }
        IpAddress address;
        try {
            address = IpAddress.parse(text.substring(0, slash));
        } catch (RuntimeException e) {
            throw new MalformedPrefix("'" + text + "' is not a valid prefix: " + e.getMessage());
        }
        String lenText = text.substring(slash + 1);
        int max = address.version().bits();
        if (lenText.isEmpty() || lenText.length() > 3 || !lenText.chars().allMatch(c -> c >= '0' && c <= '9')
                || (lenText.length() > 1 && lenText.charAt(0) == '0')) {
            throw new MalformedPrefix("'" + text + "' is not a valid prefix: the length must be a number from 0 to " + max);
        }
        int len = Integer.parseInt(lenText);
        if (len > max) {
            throw new MalformedPrefix("'" + text + "' is not a valid prefix: the length must be a number from 0 to " + max);
        }
        Prefix canonical = containing(address, len);
        if (!canonical.network.equals(address)) {
            throw new MalformedPrefix(text + " has host bits set; did you mean " + canonical + "?", canonical.toString());
        }
        return canonical;
    }

    /** The prefix of {@code length} that contains {@code address} (host bits cleared). */
    public static Prefix containing(IpAddress address, int length) {
        int bits = address.version().bits();
        if (length < 0 || length > bits) {
            throw new MalformedPrefix("prefix length " + length + " is outside 0.." + bits);
        }
        long[] mask = mask(address.version(), length);
        return new Prefix(IpAddress.of(address.version(), address.hi() & mask[0], address.lo() & mask[1]), length);
    }

    /** Network mask as {hi, lo} in the value layout of {@link IpAddress}. */
    private static long[] mask(IpVersion v, int length) {
        if (v == IpVersion.V4) {
            long m = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
            return new long[] {0, m};
        }
        long hi = length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
        long lo = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        return new long[] {hi, lo};
    }

    public IpAddress network() {
        return network;
    }

    public int length() {
        return length;
    }

    public IpVersion version() {
        return network.version();
    }

    /** The first address (the network address). */
    public IpAddress first() {
        return network;
    }

    /** The last address (for IPv4, the broadcast address). */
    public IpAddress last() {
        long[] m = mask(version(), length);
        if (version() == IpVersion.V4) {
            return IpAddress.ofV4((int) (network.lo() | (~m[1] & 0xFFFF_FFFFL)));
        }
        return IpAddress.ofV6(network.hi() | ~m[0], network.lo() | ~m[1]);
    }

    /** IPv4 broadcast address (the last address); IPv6 has no broadcast. */
    public IpAddress broadcast() {
        if (version() != IpVersion.V4) {
            throw new UnsupportedOperationException("IPv6 has no broadcast address");
        }
        return last();
    }

    /** 2^(bits-length) addresses (saturating at 2^128-1 for ::/0). */
    public AddressCount size() {
        return AddressCount.powerOfTwo(version().bits() - length);
    }

    /**
     * Whether network (and for IPv4, broadcast) are reserved: false for IPv4 /31 and /32 (RFC 3021) and IPv6 /127 and
     * /128 (RFC 6164), where every address is usable.
     */
    public boolean hasReservedEnds() {
        return length < version().bits() - 1;
    }

    public AddressRange range() {
        return new AddressRange(first(), last());
    }

    public boolean contains(IpAddress a) {
        return a.version() == version() && a.compareTo(first()) >= 0 && a.compareTo(last()) <= 0;
    }

    public boolean contains(Prefix p) {
        return p.version() == version() && p.length >= length && contains(p.network);
    }

    public boolean overlaps(Prefix p) {
        return contains(p) || p.contains(this);
    }

    @Override
    public int compareTo(Prefix o) {
        int c = network.compareTo(o.network);
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefix p && p.length == length && p.network.equals(network);
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 131 + length;
    }

    @Override
    public String toString() {
        return network + "/" + length;
    }
}
