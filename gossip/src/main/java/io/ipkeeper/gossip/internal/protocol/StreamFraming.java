package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.wire.MessageType;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.nio.charset.StandardCharsets;

/**
 * Where one memberlist stream message ends ({@code net.go#readStream}). Streams have no outer length prefix: the reader
 * must walk the msgpack. Layout: {@code [f4 len label] ( 0a uint32-len blob | 09 {Algo,Buf} | type msgpack… raw )}.
 * Push/pull and user messages end with raw bytes whose length is in their msgpack header, so those headers are read.
 *
 * <p>Incremental: returns -1 while the bytes seen so far are a valid prefix, so the transport reads more. Thread-safe
 * (stateless); runs on transport threads.
 */
public final class StreamFraming implements Transport.Framing {

    /** Marks "the buffer ends before the value does". */
    private static final long MORE = -1;

    @Override
    public int messageLength(byte[] buf, int length) {
        int pos = 0;
        if ((buf[0] & 0xff) == MessageType.HAS_LABEL.code()) {
            if (length < 2) {
                return -1;
            }
            int n = buf[1] & 0xff;
            if (n == 0) {
                throw new IllegalArgumentException("stream label header with length 0");
            }
            pos = 2 + n;
            if (length <= pos) {
                return -1;
            }
        }
        int type = buf[pos] & 0xff;
        if (type == MessageType.ENCRYPT.code()) {
            if (length < pos + 5) {
                return -1;
            }
            long blob = ((long) (buf[pos + 1] & 0xff) << 24) | ((buf[pos + 2] & 0xff) << 16)
                    | ((buf[pos + 3] & 0xff) << 8) | (buf[pos + 4] & 0xff);
            if (blob > WireOptions.MAX_STREAM_BLOB_BYTES) {
                throw new IllegalArgumentException("encrypted stream message of " + blob + " bytes exceeds the limit of "
                        + WireOptions.MAX_STREAM_BLOB_BYTES);
            }
            long end = pos + 5 + blob;
            return end <= length ? (int) end : -1;
        }
        Cursor c = new Cursor(buf, pos + 1, length);
        long end;
        if (type == MessageType.COMPRESS.code() || type == MessageType.PING.code() || type == MessageType.ACK.code()
                || type == MessageType.ERR.code() || isDigest(type)) {
            end = c.skipValue(0);
        } else if (type == MessageType.PUSH_PULL.code()) {
            end = pushPullEnd(c);
        } else if (type == MessageType.USER.code()) {
            long len = c.headerInt("UserMsgLen");
            end = len < 0 ? MORE : c.pos + len;
        } else {
            throw new IllegalArgumentException("message type " + type + " cannot start a stream message");
        }
        return end >= 0 && end <= length ? (int) end : -1;
    }

    /** ipkeeper's digest messages (types 96–98) are one msgpack map each, like a ping. */
    private static boolean isDigest(int type) {
        return type == MessageType.DIGEST_REQUEST.code() || type == MessageType.DIGEST_REPLY.code()
                || type == MessageType.DIGEST_RECORDS.code();
    }

    private static long pushPullEnd(Cursor c) {
        int headerStart = c.pos;
        long nodes = c.headerInt("Nodes");
        if (nodes < 0) {
            return MORE;
        }
        c.pos = headerStart;
        long userState = c.headerInt("UserStateLen");
        if (userState < 0) {
            return MORE;
        }
        for (long i = 0; i < nodes; i++) {
            if (c.skipValue(0) < 0) {
                return MORE;
            }
        }
        return c.pos + userState;
    }

    /** A msgpack walker over {@code buf[pos, limit)} that reports "need more" instead of failing at the end. */
    private static final class Cursor {
        private final byte[] buf;
        private final int limit;
        int pos;

        Cursor(byte[] buf, int pos, int limit) {
            this.buf = buf;
            this.pos = pos;
            this.limit = limit;
        }

        /**
         * Reads a map header and returns the non-negative integer under {@code key}, leaving the cursor after the map;
         * -1 if the map is incomplete. A missing key counts as 0 (omitempty).
         */
        long headerInt(String key) {
            long n = mapHeader();
            if (n < 0) {
                return MORE;
            }
            long value = 0;
            for (long i = 0; i < n; i++) {
                String k = string();
                if (k == null) {
                    return MORE;
                }
                if (k.equals(key)) {
                    value = integer(key);
                    if (value < 0) {
                        return MORE;
                    }
                } else if (skipValue(0) < 0) {
                    return MORE;
                }
            }
            return value;
        }

        private long mapHeader() {
            if (!has(1)) {
                return MORE;
            }
            int b = buf[pos] & 0xff;
            if (b >= 0x80 && b <= 0x8f) {
                pos++;
                return b & 0x0f;
            }
            if (b == 0xde) {
                return has(3) ? advance(1, 2) : MORE;
            }
            if (b == 0xdf) {
                return has(5) ? advance(1, 4) : MORE;
            }
            throw new IllegalArgumentException("expected a msgpack map at stream byte " + pos);
        }

        private String string() {
            int start = pos;
            long len = stringHeader();
            if (len < 0 || !has(len)) {
                pos = start;
                return null;
            }
            String s = new String(buf, pos, (int) len, StandardCharsets.UTF_8);
            pos += (int) len;
            return s;
        }

        private long stringHeader() {
            if (!has(1)) {
                return MORE;
            }
            int b = buf[pos] & 0xff;
            if (b >= 0xa0 && b <= 0xbf) {
                pos++;
                return b & 0x1f;
            }
            return switch (b) {
                case 0xd9, 0xc4 -> has(2) ? advance(1, 1) : MORE;
                case 0xda, 0xc5 -> has(3) ? advance(1, 2) : MORE;
                case 0xdb, 0xc6 -> has(5) ? advance(1, 4) : MORE;
                default -> throw new IllegalArgumentException("expected a msgpack string at stream byte " + pos);
            };
        }

        private long integer(String field) {
            if (!has(1)) {
                return MORE;
            }
            int b = buf[pos] & 0xff;
            if (b <= 0x7f) {
                pos++;
                return b;
            }
            int size = switch (b) {
                case 0xcc, 0xd0 -> 1;
                case 0xcd, 0xd1 -> 2;
                case 0xce, 0xd2 -> 4;
                case 0xcf, 0xd3 -> 8;
                default -> throw new IllegalArgumentException(field + " must be a msgpack integer (stream byte " + pos
                        + ")");
            };
            if (!has(1 + size)) {
                return MORE;
            }
            long v = 0;
            for (int i = 1; i <= size; i++) {
                v = (v << 8) | (buf[pos + i] & 0xff);
            }
            boolean signed = b >= 0xd0;
            if (signed && size < 8) {
                v = (v << (64 - 8 * size)) >> (64 - 8 * size);
            }
            if (v < 0 || v > WireOptions.MAX_STREAM_BLOB_BYTES * 4L) {
                throw new IllegalArgumentException(field + " (" + v + ") is out of range");
            }
            pos += 1 + size;
            return v;
        }

        /** Skips one value; returns the new position or -1 when the value runs past the buffer. */
        long skipValue(int depth) {
            if (depth > 32) {
                throw new IllegalArgumentException("msgpack nested deeper than 32 in a stream");
            }
            if (!has(1)) {
                return MORE;
            }
            int b = buf[pos] & 0xff;
            long skip;
            if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
                skip = 1;
            } else if ((b >= 0xa0 && b <= 0xbf) || b == 0xd9 || b == 0xda || b == 0xdb || b == 0xc4 || b == 0xc5
                    || b == 0xc6) {
                long len = stringHeader();
                if (len < 0) {
                    return MORE;
                }
                skip = len;
                return skipBytes(skip);
            } else if ((b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf) {
                long n = mapHeader();
                return n < 0 ? MORE : skipValues(2 * n, depth);
            } else if ((b >= 0x90 && b <= 0x9f) || b == 0xdc || b == 0xdd) {
                long n;
                if (b <= 0x9f) {
                    pos++;
                    n = b & 0x0f;
                } else if (b == 0xdc) {
                    n = has(3) ? advance(1, 2) : MORE;
                } else {
                    n = has(5) ? advance(1, 4) : MORE;
                }
                return n < 0 ? MORE : skipValues(n, depth);
            } else {
                skip = switch (b) {
                    case 0xcc, 0xd0 -> 2;
                    case 0xcd, 0xd1, 0xd4 -> 3;
                    case 0xd5 -> 4;
                    case 0xce, 0xd2, 0xca, 0xd6 -> 5;
                    case 0xcf, 0xd3, 0xcb -> 9;
                    case 0xd7 -> 10;
                    case 0xd8 -> 18;
                    case 0xc7 -> has(2) ? 3 + (buf[pos + 1] & 0xff) : MORE;
                    case 0xc8 -> has(3) ? 4 + (((buf[pos + 1] & 0xff) << 8) | (buf[pos + 2] & 0xff)) : MORE;
                    case 0xc9 -> has(5) ? 6 + readUint32(pos + 1) : MORE;
                    default -> throw new IllegalArgumentException(
                            String.format("invalid msgpack format byte 0x%02x at stream byte %d", b, pos));
                };
                if (skip < 0) {
                    return MORE;
                }
            }
            return skipBytes(skip);
        }

        private long skipValues(long n, int depth) {
            for (long i = 0; i < n; i++) {
                if (skipValue(depth + 1) < 0) {
                    return MORE;
                }
            }
            return pos;
        }

        private long skipBytes(long n) {
            if (!has(n)) {
                return MORE;
            }
            pos += (int) n;
            return pos;
        }

        private boolean has(long n) {
            return limit - pos >= n;
        }

        /** Reads a big-endian unsigned length of {@code size} bytes after {@code prefix} bytes and moves past both. */
        private long advance(int prefix, int size) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                v = (v << 8) | (buf[pos + prefix + i] & 0xff);
            }
            pos += prefix + size;
            return v;
        }

        private long readUint32(int at) {
            return ((long) (buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8)
                    | (buf[at + 3] & 0xff);
        }
    }
}
