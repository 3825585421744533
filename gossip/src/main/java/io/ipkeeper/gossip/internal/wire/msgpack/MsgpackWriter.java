package io.ipkeeper.gossip.internal.wire.msgpack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A msgpack writer that produces exactly what go-msgpack 0.5.x (memberlist 0.2.2, Serf 0.9.4) writes:
 * strings and byte slices in the old raw family only ({@code a0-bf}, {@code da}, {@code db} — never str8 or bin),
 * integers in their smallest form with non-negative values always unsigned, float64 as {@code cb}, nil as {@code c0}.
 * Map keys are written in the order the caller gives; callers write them sorted bytewise like Go does.
 *
 * <p>Not thread-safe; reuse one instance per thread with {@link #reset()} to avoid allocation on hot paths.
 */
public final class MsgpackWriter {
    private byte[] buf;
    private int size;

    public MsgpackWriter() {
        this(256);
    }

    public MsgpackWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The msgpack encoding of a string, for keys that are written over and over. */
    public static byte[] encodedString(String s) {
        MsgpackWriter w = new MsgpackWriter(s.length() + 5);
        w.writeString(s);
        return w.toByteArray();
    }

    public MsgpackWriter reset() {
        size = 0;
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The internal buffer; valid up to {@link #size()} until the next write. */
    public byte[] buffer() {
        return buf;
    }

    public MsgpackWriter writeNil() {
        ensure(1);
        buf[size++] = (byte) 0xc0;
        return this;
    }

    public MsgpackWriter writeBool(boolean v) {
        ensure(1);
        buf[size++] = (byte) (v ? 0xc3 : 0xc2);
        return this;
    }

    /** An unsigned 64-bit value (Java long read as unsigned) in its smallest unsigned form. */
    public MsgpackWriter writeUnsigned(long v) {
        ensure(9);
        if (v >= 0 && v < 128) {
            buf[size++] = (byte) v;
        } else if (v >= 0 && v < 0x100) {
            buf[size++] = (byte) 0xcc;
            buf[size++] = (byte) v;
        } else if (v >= 0 && v < 0x10000) {
            buf[size++] = (byte) 0xcd;
            put16((int) v);
        } else if (v >= 0 && v < 0x1_0000_0000L) {
            buf[size++] = (byte) 0xce;
            put32((int) v);
        } else {
            buf[size++] = (byte) 0xcf;
            put64(v);
        }
        return this;
    }

    /** A signed Go integer as go-msgpack 0.5.x writes it: non-negative values take the unsigned forms. */
    public MsgpackWriter writeSigned(long v) {
        if (v >= 0) {
            return writeUnsigned(v);
        }
        ensure(9);
        if (v >= -32) {
            buf[size++] = (byte) v;
        } else if (v >= Byte.MIN_VALUE) {
            buf[size++] = (byte) 0xd0;
            buf[size++] = (byte) v;
        } else if (v >= Short.MIN_VALUE) {
            buf[size++] = (byte) 0xd1;
            put16((int) v);
        } else if (v >= Integer.MIN_VALUE) {
            buf[size++] = (byte) 0xd2;
            put32((int) v);
        } else {
            buf[size++] = (byte) 0xd3;
            put64(v);
        }
        return this;
    }

    public MsgpackWriter writeFloat64(double v) {
        ensure(9);
        buf[size++] = (byte) 0xcb;
        put64(Double.doubleToRawLongBits(v));
        return this;
    }

    /** A Go {@code []byte}: nil as {@code c0}, otherwise old raw family. */
    public MsgpackWriter writeBytes(byte[] v) {
        if (v == null) {
            return writeNil();
        }
        writeRawHeader(v.length);
        return writeRawPayload(v, 0, v.length);
    }

    /** A Go string (never nil; null is written as the empty string). */
    public MsgpackWriter writeString(String v) {
        if (v == null || v.isEmpty()) {
            return writeRawHeader(0);
        }
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        writeRawHeader(utf8.length);
        return writeRawPayload(utf8, 0, utf8.length);
    }

    public MsgpackWriter writeRawHeader(int len) {
        ensure(5);
        if (len < 32) {
            buf[size++] = (byte) (0xa0 | len);
        } else if (len < 0x10000) {
            buf[size++] = (byte) 0xda;
            put16(len);
        } else {
            buf[size++] = (byte) 0xdb;
            put32(len);
        }
        return this;
    }

    public MsgpackWriter writeMapHeader(int n) {
        return containerHeader(n, 0x80, 0xde, 0xdf);
    }

    public MsgpackWriter writeArrayHeader(int n) {
        return containerHeader(n, 0x90, 0xdc, 0xdd);
    }

    /** Bytes that are already msgpack (pre-encoded keys) or a raw payload after its header. */
    public MsgpackWriter writeRawPayload(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public MsgpackWriter writeRawPayload(byte[] b) {
        return writeRawPayload(b, 0, b.length);
    }

    /** One raw byte (message type bytes, envelope headers). */
    public MsgpackWriter writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** A big-endian uint16 outside msgpack (compound lengths). */
    public MsgpackWriter writeUint16BigEndian(int v) {
        ensure(2);
        put16(v);
        return this;
    }

    /** A big-endian uint32 outside msgpack (CRC, stream lengths). */
    public MsgpackWriter writeUint32BigEndian(long v) {
        ensure(4);
        put32((int) v);
        return this;
    }

    /** Overwrites a big-endian uint16 written earlier (compound lengths are known only after the parts). */
    public void setUint16BigEndian(int index, int v) {
        buf[index] = (byte) (v >>> 8);
        buf[index + 1] = (byte) v;
    }

    /** Overwrites a big-endian uint32 written earlier (the CRC is known only after the payload). */
    public void setUint32BigEndian(int index, long v) {
        buf[index] = (byte) (v >>> 24);
        buf[index + 1] = (byte) (v >>> 16);
        buf[index + 2] = (byte) (v >>> 8);
        buf[index + 3] = (byte) v;
    }

    private MsgpackWriter containerHeader(int n, int fix, int c16, int c32) {
        ensure(5);
        if (n < 16) {
            buf[size++] = (byte) (fix | n);
        } else if (n < 0x10000) {
            buf[size++] = (byte) c16;
            put16(n);
        } else {
            buf[size++] = (byte) c32;
            put32(n);
        }
        return this;
    }

    private void put16(int v) {
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void put32(int v) {
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void put64(long v) {
        put32((int) (v >>> 32));
        put32((int) v);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
