package io.ipkeeper.agent;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** A 48-bit Ethernet hardware address; immutable, compared by value, printed as {@code aa:bb:cc:dd:ee:ff}. */
public final class MacAddress implements Comparable<MacAddress> {

    public static final int LENGTH = 6;
    public static final MacAddress ZERO = new MacAddress(new byte[LENGTH]);
    public static final MacAddress BROADCAST = new MacAddress(new byte[] {-1, -1, -1, -1, -1, -1});

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address in {@code bytes[offset .. offset+5]}. */
    public static MacAddress of(byte[] bytes, int offset) {
        if (offset < 0 || offset + LENGTH > bytes.length) {
            throw new IllegalArgumentException("a MAC address needs 6 bytes at offset " + offset + " of " + bytes.length);
        }
        return new MacAddress(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        return of(bytes, 0);
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (case-insensitive); anything else is an IllegalArgumentException. */
    public static MacAddress parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            throw new IllegalArgumentException("not a MAC address (want aa:bb:cc:dd:ee:ff): '" + text + "'");
        }
        return new MacAddress(COLONS.parseHex(trimmed.toLowerCase(Locale.ROOT)));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Copies the six bytes into {@code target} at {@code offset}. */
    public void writeTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Group bit set: broadcast or multicast, never a station's own address. */
    public boolean isMulticast() {
        return (bytes[0] & 1) != 0;
    }

    @Override
    public int compareTo(MacAddress other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return COLONS.formatHex(bytes);
    }
}
