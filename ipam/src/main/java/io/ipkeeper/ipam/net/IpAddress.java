package io.ipkeeper.ipam.net;

import io.ipkeeper.ipam.error.MalformedAddress;

/**
 * An IPv4 or IPv6 address as a fixed-width value: two longs ({@code hi}, {@code lo}), IPv4 in the low 32 bits of
 * {@code lo}. Immutable; ordering puts every IPv4 address before every IPv6 address, then numeric order. The byte form
 * (4 or 16 bytes, big-endian) is what the database stores, so unsigned bytewise order there equals this order.
 */
public final class IpAddress implements Comparable<IpAddress> {

    private final IpVersion version;
    private final long hi;
    private final long lo;

    private IpAddress(IpVersion version, long hi, long lo) {
        this.version = version;
        this.hi = hi;
        this.lo = lo;
    }

    public static IpAddress ofV4(int value) {
        return new IpAddress(IpVersion.V4, 0, value & 0xFFFF_FFFFL);
    }

    public static IpAddress ofV6(long hi, long lo) {
        return new IpAddress(IpVersion.V6, hi, lo);
    }

    /** An address of {@code version} from its numeric value (IPv4: {@code hi} must be 0 and {@code lo} < 2^32). */
    public static IpAddress of(IpVersion version, long hi, long lo) {
        if (version == IpVersion.V4 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 value out of range");
        }
        return new IpAddress(version, hi, lo);
    }

    /** Parses a literal (never resolves names): dotted-quad IPv4 or RFC 4291 IPv6 (with {@code ::} and embedded IPv4). */
    public static IpAddress parse(String text) {
        return AddressParser.parse(text);
    }

    /** From the 4- or 16-byte big-endian form. */
    public static IpAddress fromBytes(byte[] b) {
        if (b == null) {
            throw new MalformedAddress("address bytes are missing");
        }
        if (b.length == 4) {
            return ofV4(((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        }
        if (b.length == 16) {
            return ofV6(readLong(b, 0), readLong(b, 8));
        }
        throw new MalformedAddress("an address has 4 or 16 bytes, not " + b.length);
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** The 4- or 16-byte big-endian form (for BYTEA columns). */
    public byte[] toBytes() {
        if (version == IpVersion.V4) {
            int v = (int) lo;
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    public IpVersion version() {
        return version;
    }

    public boolean isV4() {
        return version == IpVersion.V4;
    }

    public long hi() {
        return hi;
    }

    public long lo() {
        return lo;
    }

    /** True for the highest address of this version. */
    public boolean isMax() {
        return version == IpVersion.V4 ? lo == 0xFFFF_FFFFL : (hi == -1L && lo == -1L);
    }

    public boolean isZero() {
        return hi == 0 && lo == 0;
    }

    /** The next address; throws at the top of the address space. */
    public IpAddress next() {
        if (isMax()) {
            throw new ArithmeticException(this + " is the last address");
        }
        return lo == -1L ? new IpAddress(version, hi + 1, 0) : new IpAddress(version, hi, lo + 1);
    }

    /** The previous address; throws at zero. */
    public IpAddress previous() {
        if (isZero()) {
            throw new ArithmeticException(this + " is the first address");
        }
        return lo == 0 ? new IpAddress(version, hi - 1, -1L) : new IpAddress(version, hi, lo - 1);
    }

    /** This address plus an unsigned 128-bit offset; throws when the result leaves the address space. */
    public IpAddress plus(AddressCount offset) {
        long l = lo + offset.lo();
        long carry = Long.compareUnsigned(l, lo) < 0 ? 1 : 0;
        long h = hi + offset.hi() + carry;
        boolean overflow = Long.compareUnsigned(hi + offset.hi(), hi) < 0 || (carry == 1 && h == 0);
        if (overflow || (version == IpVersion.V4 && (h != 0 || (l >>> 32) != 0))) {
            throw new ArithmeticException(this + " + " + offset + " leaves the address space");
        }
        return new IpAddress(version, h, l);
    }

    public IpAddress plus(long offset) {
        return plus(AddressCount.of(offset));
    }

    /** Number of addresses from {@code this} to {@code to}, both inclusive ({@code to} must not be below this). */
    public AddressCount countTo(IpAddress to) {
        requireSameVersion(to);
        if (compareTo(to) > 0) {
            throw new IllegalArgumentException(to + " is below " + this);
        }
        long l = to.lo - lo;
        long borrow = Long.compareUnsigned(to.lo, lo) < 0 ? 1 : 0;
        return new AddressCount(to.hi - hi - borrow, l).plus(AddressCount.ONE);
    }

    void requireSameVersion(IpAddress o) {
        if (o.version != version) {
            throw new IllegalArgumentException("cannot mix IPv4 and IPv6: " + this + " and " + o);
        }
    }

    public boolean isBefore(IpAddress o) {
        return compareTo(o) < 0;
    }

    public boolean isAfter(IpAddress o) {
        return compareTo(o) > 0;
    }

    public static IpAddress min(IpAddress a, IpAddress b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static IpAddress max(IpAddress a, IpAddress b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(IpAddress o) {
        if (version != o.version) {
            return version == IpVersion.V4 ? -1 : 1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.version == version && a.hi == hi && a.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi) * 31 + Long.hashCode(lo) + version.ordinal();
    }

    /** Dotted-quad for IPv4; RFC 5952 canonical text for IPv6. */
    @Override
    public String toString() {
        return AddressFormatter.format(this);
    }
}
