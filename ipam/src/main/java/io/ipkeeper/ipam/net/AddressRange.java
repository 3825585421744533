package io.ipkeeper.ipam.net;

import java.util.random.RandomGenerator;

/** An inclusive range of addresses of one version, {@code start <= end}. */
public record AddressRange(IpAddress start, IpAddress end) {

    public AddressRange {
        start.requireSameVersion(end);
        if (start.compareTo(end) > 0) {
            throw new IllegalArgumentException("range start " + start + " is after its end " + end);
        }
    }

    public static AddressRange of(IpAddress a) {
        return new AddressRange(a, a);
    }

    public AddressCount size() {
        return start.countTo(end);
    }

    public boolean contains(IpAddress a) {
        return a.version() == start.version() && a.compareTo(start) >= 0 && a.compareTo(end) <= 0;
    }

    public boolean contains(AddressRange r) {
        return contains(r.start) && contains(r.end);
    }

    public boolean overlaps(AddressRange r) {
        return r.start.version() == start.version() && r.start.compareTo(end) <= 0 && r.end.compareTo(start) >= 0;
    }

    /** A uniformly random address of this range. */
    public IpAddress randomAddress(RandomGenerator random) {
        AddressCount size = size();
        if (size.hi() == 0 && size.lo() > 0) {
            return start.plus(random.nextLong(size.lo()));
        }
        // Ranges of 2^63 or more: draw 128-bit offsets and reject the ones past the end.
        int hiBits = 64 - Long.numberOfLeadingZeros(size.hi());
        while (true) {
            long hi = hiBits == 64 ? random.nextLong() : random.nextLong() & ((1L << hiBits) - 1);
            AddressCount offset = new AddressCount(hi, random.nextLong());
            if (offset.compareTo(size) < 0) {
                return start.plus(offset);
            }
        }
    }

    @Override
    public String toString() {
        return start.equals(end) ? start.toString() : start + "-" + end;
    }
}
