package io.ipkeeper.ipam.net;

/** IPv4 or IPv6, with the address width in bits and bytes. */
public enum IpVersion {
    V4(32),
    V6(128);

    private final int bits;

    IpVersion(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    public int number() {
        return this == V4 ? 4 : 6;
    }

    public static IpVersion ofNumber(int n) {
        return switch (n) {
            case 4 -> V4;
            case 6 -> V6;
            default -> throw new IllegalArgumentException("IP version must be 4 or 6, not " + n);
        };
    }
}
