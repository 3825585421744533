package io.ipkeeper.ipam.net;

import java.math.BigInteger;

/**
 * An unsigned 128-bit count of addresses (a /0 of IPv6 holds 2^128, which does not fit; {@code 2^128} saturates to
 * 2^128-1). Arithmetic is on two longs; BigInteger appears only in {@link #toString()}.
 */
public record AddressCount(long hi, long lo) implements Comparable<AddressCount> {

    public static final AddressCount ZERO = new AddressCount(0, 0);
    public static final AddressCount ONE = new AddressCount(0, 1);
    public static final AddressCount MAX = new AddressCount(-1L, -1L);

    public static AddressCount of(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return new AddressCount(0, n);
    }

    /** {@code 2^bits}, saturating at {@link #MAX} for 128. */
    public static AddressCount powerOfTwo(int bits) {
        if (bits >= 128) {
            return MAX;
        }
        return bits >= 64 ? new AddressCount(1L << (bits - 64), 0) : new AddressCount(0, 1L << bits);
    }

    public AddressCount plus(AddressCount o) {
        long l = lo + o.lo;
        long carry = Long.compareUnsigned(l, lo) < 0 ? 1 : 0;
        long h1 = hi + o.hi;
        long h = h1 + carry;
        if (Long.compareUnsigned(h1, hi) < 0 || (carry == 1 && h == 0)) {
            return MAX;
        }
        return new AddressCount(h, l);
    }

    /** Saturates at zero. */
    public AddressCount minus(AddressCount o) {
        if (compareTo(o) <= 0) {
            return ZERO;
        }
        long l = lo - o.lo;
        long borrow = Long.compareUnsigned(lo, o.lo) < 0 ? 1 : 0;
        return new AddressCount(hi - o.hi - borrow, l);
    }

    public AddressCount minus(long n) {
        return minus(of(n));
    }

    public AddressCount plus(long n) {
        return plus(of(n));
    }

    public boolean isZero() {
        return hi == 0 && lo == 0;
    }

    /** The count as a long, saturating at {@link Long#MAX_VALUE}. */
    public long saturatedLong() {
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    public double toDouble() {
        double h = hi >= 0 ? hi : hi + 0x1p64;
        double l = lo >= 0 ? lo : lo + 0x1p64;
        return h * 0x1p64 + l;
    }

    @Override
    public int compareTo(AddressCount o) {
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    public BigInteger toBigInteger() {
        return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    @Override
    public String toString() {
        return hi == 0 ? Long.toUnsignedString(lo) : toBigInteger().toString();
    }
}
