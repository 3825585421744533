package io.ipkeeper.gossip.internal.wire.msgpack;

import io.ipkeeper.gossip.internal.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A lenient, hardened msgpack reader over a byte slice. Lenient like Go's decoders: any integer family for any
 * integer field, str8/bin/raw alike for strings and bytes, nil read as the zero value. Hardened: every declared
 * length is checked against the bytes that remain <em>before</em> anything is allocated, containers cannot declare
 * more elements than there are bytes left, and nesting is bounded, so hostile input fails fast with a
 * {@link WireFormatException} naming the layer and the byte offset.
 */
public final class MsgpackReader {
    /** Nesting bound for values that are skipped or read generically. */
    public static final int MAX_DEPTH = 32;

    private final byte[] buf;
    private final int start;
    private final int end;
    private final String layer;
    private int pos;

    public MsgpackReader(byte[] buf, String layer) {
        this(buf, 0, buf.length, layer);
    }

    public MsgpackReader(byte[] buf, int offset, int length, String layer) {
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
        this.layer = layer;
    }

    /** Index of the next byte in the whole array (what errors report). */
    public int position() {
        return pos;
    }

    /** Bytes consumed since the start of the slice this reader was given. */
    public int consumed() {
        return pos - start;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public String layer() {
        return layer;
    }

    public WireFormatException error(String reason) {
        return new WireFormatException(layer, pos, reason);
    }

    /** The next format byte without consuming it. */
    public int peek() {
        if (pos >= end) {
            throw error("unexpected end of data");
        }
        return buf[pos] & 0xff;
    }

    public boolean tryReadNil() {
        if (peek() == 0xc0) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean readBool() {
        int b = peek();
        switch (b) {
            case 0xc0, 0xc2 -> { pos++; return false; }
            case 0xc3 -> { pos++; return true; }
            default -> throw error(String.format("expected bool, found format 0x%02x", b));
        }
    }

    /** An integer of any msgpack family as a signed long; uint64 values above {@code Long.MAX_VALUE} are refused. */
    public long readLong() {
        int at = pos;
        int b = peek();
        pos++;
        if (b <= 0x7f) {
            return b;
        }
        if (b >= 0xe0) {
            return (byte) b;
        }
        return switch (b) {
            case 0xc0 -> 0;
            case 0xcc -> u8();
            case 0xcd -> u16();
            case 0xce -> u32();
            case 0xcf -> {
                long v = u64();
                if (v < 0) {
                    pos = at;
                    throw error("uint64 value exceeds the supported range");
                }
                yield v;
            }
            case 0xd0 -> (byte) u8();
            case 0xd1 -> (short) u16();
            case 0xd2 -> (int) u32();
            case 0xd3 -> u64();
            default -> {
                pos = at;
                throw error(String.format("expected integer, found format 0x%02x", b));
            }
        };
    }

    /** An integer that must fit in {@code [0, max]} (Go unsigned fields refuse negatives and overflow). */
    public long readUnsigned(long max, String field) {
        int at = pos;
        long v = readLong();
        if (v < 0 || v > max) {
            pos = at;
            throw error(field + ": value " + v + " out of range [0, " + max + "]");
        }
        return v;
    }

    public long readUint32(String field) {
        return readUnsigned(0xffff_ffffL, field);
    }

    public int readUint16(String field) {
        return (int) readUnsigned(0xffff, field);
    }

    public int readUint8(String field) {
        return (int) readUnsigned(0xff, field);
    }

    /** An unsigned 64-bit value; values above {@code Long.MAX_VALUE} come back negative (two's complement). */
    public long readUint64(String field) {
        int at = pos;
        if (peek() == 0xcf) {
            pos++;
            return u64();
        }
        long v = readLong();
        if (v < 0) {
            pos = at;
            throw error(field + ": negative value " + v + " for an unsigned field");
        }
        return v;
    }

    /** A Go {@code int} held in a Java int (fields such as Nodes, UserStateLen, State). */
    public int readInt(String field) {
        int at = pos;
        long v = readLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            pos = at;
            throw error(field + ": value " + v + " does not fit in 32 bits");
        }
        return (int) v;
    }

    public double readFloat64() {
        int b = peek();
        if (b == 0xcb) {
            pos++;
            return Double.longBitsToDouble(u64());
        }
        if (b == 0xca) {
            pos++;
            return Float.intBitsToFloat((int) u32());
        }
        return readLong();
    }

    /** A Go {@code []byte}: nil gives null; raw, str8 and bin families are all accepted. */
    public byte[] readBytes() {
        if (tryReadNil()) {
            return null;
        }
        int len = readBinaryHeader();
        byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    /** A Go string: nil gives "", raw, str8 and bin families are all accepted. */
    public String readString() {
        if (tryReadNil()) {
            return "";
        }
        int len = readBinaryHeader();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** True when the next value is a string/bytes header (used to check map keys are strings). */
    public boolean nextIsBinary() {
        int b = peek();
        return (b >= 0xa0 && b <= 0xbf) || b == 0xd9 || b == 0xda || b == 0xdb || b == 0xc4 || b == 0xc5 || b == 0xc6;
    }

    /** The length of a string/bytes value, checked against the remaining bytes; the payload follows. */
    public int readBinaryHeader() {
        int at = pos;
        int b = peek();
        pos++;
        long len;
        if (b >= 0xa0 && b <= 0xbf) {
            len = b & 0x1f;
        } else {
            len = switch (b) {
                case 0xd9, 0xc4 -> u8();
                case 0xda, 0xc5 -> u16();
                case 0xdb, 0xc6 -> u32();
                default -> {
                    pos = at;
                    throw error(String.format("expected string or bytes, found format 0x%02x", b));
                }
            };
        }
        if (len > remaining()) {
            pos = at;
            throw error("declared length " + len + " exceeds the " + (end - at) + " bytes left");
        }
        return (int) len;
    }

    /** Number of map entries, or -1 for nil. Each entry needs at least two bytes, which is checked. */
    public int readMapHeader() {
        int at = pos;
        int b = peek();
        pos++;
        long n;
        if (b >= 0x80 && b <= 0x8f) {
            n = b & 0x0f;
        } else {
            n = switch (b) {
                case 0xc0 -> -1;
                case 0xde -> u16();
                case 0xdf -> u32();
                default -> {
                    pos = at;
                    throw error(String.format("expected map, found format 0x%02x", b));
                }
            };
        }
        if (n * 2 > remaining()) {
            pos = at;
            throw error("map declares " + n + " entries but only " + remaining() + " bytes are left");
        }
        return (int) n;
    }

    /** Number of array elements, or -1 for nil. Each element needs at least one byte, which is checked. */
    public int readArrayHeader() {
        int at = pos;
        int b = peek();
        pos++;
        long n;
        if (b >= 0x90 && b <= 0x9f) {
            n = b & 0x0f;
        } else {
            n = switch (b) {
                case 0xc0 -> -1;
                case 0xdc -> u16();
                case 0xdd -> u32();
                default -> {
                    pos = at;
                    throw error(String.format("expected array, found format 0x%02x", b));
                }
            };
        }
        if (n > remaining()) {
            pos = at;
            throw error("array declares " + n + " elements but only " + remaining() + " bytes are left");
        }
        return (int) n;
    }

    /** Skips one value of any type (unknown struct keys), nested containers included, up to {@link #MAX_DEPTH}. */
    public void skipValue() {
        skipValue(0);
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        int b = peek();
        if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
            pos++;
        } else if ((b >= 0xa0 && b <= 0xbf) || b == 0xd9 || b == 0xda || b == 0xdb || b == 0xc4 || b == 0xc5 || b == 0xc6) {
            int len = readBinaryHeader(); // not "pos += readBinaryHeader()": that adds to the pos read before the call
            pos += len;
        } else if ((b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf) {
            int n = readMapHeader();
            for (int i = 0; i < n; i++) {
                skipValue(depth + 1);
                skipValue(depth + 1);
            }
        } else if ((b >= 0x90 && b <= 0x9f) || b == 0xdc || b == 0xdd) {
            int n = readArrayHeader();
            for (int i = 0; i < n; i++) {
                skipValue(depth + 1);
            }
        } else {
            pos++;
            long len = switch (b) {
                case 0xcc, 0xd0 -> 1;
                case 0xcd, 0xd1 -> 2;
                case 0xce, 0xd2, 0xca -> 4;
                case 0xcf, 0xd3, 0xcb -> 8;
                case 0xd4 -> 2; // fixext: type byte + data
                case 0xd5 -> 3;
                case 0xd6 -> 5;
                case 0xd7 -> 9;
                case 0xd8 -> 17;
                case 0xc7 -> u8() + 1L;
                case 0xc8 -> u16() + 1L;
                case 0xc9 -> u32() + 1L;
                default -> {
                    pos--;
                    throw error(String.format("invalid msgpack format byte 0x%02x", b));
                }
            };
            skipBytes(len);
        }
    }

    /** Consumes {@code len} bytes outside msgpack (user-state payloads and the like). */
    public void skipBytes(long len) {
        if (len > remaining()) {
            throw error("declared length " + len + " exceeds the " + remaining() + " bytes left");
        }
        pos += (int) len;
    }

    /** Copies {@code len} raw bytes that follow the msgpack values (push/pull user state, user messages). */
    public byte[] readRawPayload(long len) {
        if (len < 0 || len > remaining()) {
            throw error("declared length " + len + " exceeds the " + remaining() + " bytes left");
        }
        byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) len);
        pos += (int) len;
        return out;
    }

    private int u8() {
        need(1);
        return buf[pos++] & 0xff;
    }

    private int u16() {
        need(2);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    private long u32() {
        need(4);
        long v = ((long) (buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    private long u64() {
        long hi = u32();
        long lo = u32();
        return (hi << 32) | lo;
    }

    private void need(int n) {
        if (end - pos < n) {
            throw error("unexpected end of data (" + n + " bytes needed, " + (end - pos) + " left)");
        }
    }
}
