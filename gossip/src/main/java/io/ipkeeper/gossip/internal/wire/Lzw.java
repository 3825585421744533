package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;

/**
 * LZW exactly as Go's {@code compress/lzw} with LSB bit order and literal width 8 (memberlist's only compression):
 * codes grow from 9 to 12 bits, 256 = clear, 257 = end of data, 258 = first dictionary code. The writer starts
 * with a clear code, emits another clear and resets when the table fills, ends with 257 and zero-pads the last
 * byte. Output is byte-identical to Go's writer; the reader mirrors Go's reader, including its "hi" bookkeeping.
 */
public final class Lzw {
    private static final int LIT_WIDTH = 8;
    private static final int CLEAR = 1 << LIT_WIDTH;
    private static final int EOF = CLEAR + 1;
    private static final int MAX_WIDTH = 12;
    private static final int MAX_CODE = (1 << MAX_WIDTH) - 1;
    private static final int TABLE_SIZE = 4 * (1 << MAX_WIDTH);
    private static final int TABLE_MASK = TABLE_SIZE - 1;
    private static final int INVALID_ENTRY = 0;
    private static final int INVALID_CODE = -1;

    private Lzw() {
    }

    public static byte[] compress(byte[] in) {
        return compress(in, 0, in.length);
    }

    public static byte[] compress(byte[] in, int off, int len) {
        return new Encoder(len).encode(in, off, len);
    }

    /** Decompresses to at most {@code maxOutput} bytes; anything else is a {@link WireFormatException}. */
    public static byte[] decompress(byte[] in, int off, int len, int maxOutput, String layer) {
        return new Decoder(in, off, len, maxOutput, layer).decode();
    }

    private static final class Encoder {
        private byte[] out;
        private int size;
        private int bits;
        private int nBits;
        private int width = LIT_WIDTH + 1;
        private int hi = EOF;
        private int overflow = 1 << (LIT_WIDTH + 1);
        // Entries are (key << 12) | code, key = prefix code << 8 | literal; 0 is free (a real key is never 0 with
        // code 0 because codes in the table are ≥ 258).
        private final int[] table = new int[TABLE_SIZE];

        Encoder(int inputLength) {
            out = new byte[Math.max(16, inputLength / 2 + 16)];
        }

        byte[] encode(byte[] in, int off, int len) {
            write(CLEAR);
            if (len > 0) {
                int code = in[off] & 0xff;
                loop:
                for (int i = off + 1; i < off + len; i++) {
                    int literal = in[i] & 0xff;
                    int key = code << 8 | literal;
                    int hash = (key >>> 12 ^ key) & TABLE_MASK;
                    for (int h = hash, t = table[hash]; t != INVALID_ENTRY; ) {
                        if (key == t >>> 12) {
                            code = t & MAX_CODE;
                            continue loop;
                        }
                        h = (h + 1) & TABLE_MASK;
                        t = table[h];
                    }
                    write(code);
                    code = literal;
                    if (incHi()) {
                        continue; // table was full: a clear code went out and the table was reset
                    }
                    while (table[hash] != INVALID_ENTRY) {
                        hash = (hash + 1) & TABLE_MASK;
                    }
                    table[hash] = (key << 12) | hi;
                }
                write(code);
                incHi();
            }
            write(EOF);
            if (nBits > 0) {
                put((byte) bits);
            }
            return Arrays.copyOf(out, size);
        }

        /** Go's incHi: true when the codes ran out and the state was reset. */
        private boolean incHi() {
            hi++;
            if (hi == overflow) {
                width++;
                overflow <<= 1;
            }
            if (hi == MAX_CODE) {
                write(CLEAR);
                width = LIT_WIDTH + 1;
                hi = EOF;
                overflow = CLEAR << 1;
                Arrays.fill(table, INVALID_ENTRY);
                return true;
            }
            return false;
        }

        private void write(int code) {
            bits |= code << nBits;
            nBits += width;
            while (nBits >= 8) {
                put((byte) bits);
                bits >>>= 8;
                nBits -= 8;
            }
        }

        private void put(byte b) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[size++] = b;
        }
    }

    private static final class Decoder {
        private final byte[] in;
        private final int end;
        private final int start;
        private final int maxOutput;
        private final String layer;
        private int pos;
        private int bits;
        private int nBits;
        private int width = LIT_WIDTH + 1;
        private int hi = EOF;
        private int overflow = 1 << width;
        private int last = INVALID_CODE;
        private final short[] prefix = new short[1 << MAX_WIDTH];
        private final byte[] suffix = new byte[1 << MAX_WIDTH];
        private final byte[] scratch = new byte[1 << MAX_WIDTH];
        private byte[] out;
        private int size;

        Decoder(byte[] in, int off, int len, int maxOutput, String layer) {
            this.in = in;
            this.start = off;
            this.pos = off;
            this.end = off + len;
            this.maxOutput = maxOutput;
            this.layer = layer;
            this.out = new byte[Math.min(maxOutput, Math.max(64, len * 3))];
        }

        byte[] decode() {
            while (true) {
                int code = read();
                if (code < CLEAR) {
                    emit((byte) code);
                    if (last != INVALID_CODE) {
                        suffix[hi] = (byte) code;
                        prefix[hi] = (short) last;
                    }
                } else if (code == CLEAR) {
                    width = LIT_WIDTH + 1;
                    hi = EOF;
                    overflow = 1 << width;
                    last = INVALID_CODE;
                    continue;
                } else if (code == EOF) {
                    return Arrays.copyOf(out, size);
                } else if (code <= hi) {
                    int c = code;
                    int i = scratch.length - 1;
                    if (code == hi && last != INVALID_CODE) {
                        // hi expands to the last expansion followed by the head of the last expansion.
                        c = last;
                        while (c >= CLEAR) {
                            c = prefix[c];
                        }
                        scratch[i--] = (byte) c;
                        c = last;
                    }
                    while (c >= CLEAR) {
                        if (i < 0) {
                            throw new WireFormatException(layer, pos - start, "lzw: code chain longer than the table");
                        }
                        scratch[i--] = suffix[c];
                        c = prefix[c];
                    }
                    if (i < 0) {
                        throw new WireFormatException(layer, pos - start, "lzw: code chain longer than the table");
                    }
                    scratch[i] = (byte) c;
                    emit(scratch, i, scratch.length - i);
                    if (last != INVALID_CODE) {
                        suffix[hi] = (byte) c;
                        prefix[hi] = (short) last;
                    }
                } else {
                    throw new WireFormatException(layer, pos - start, "lzw: invalid code " + code);
                }
                last = code;
                hi++;
                if (hi >= overflow) {
                    if (width == MAX_WIDTH) {
                        last = INVALID_CODE;
                        hi--;
                    } else {
                        width++;
                        overflow = 1 << width;
                    }
                }
            }
        }

        private int read() {
            while (nBits < width) {
                if (pos >= end) {
                    throw new WireFormatException(layer, pos - start, "lzw: data ends without the end-of-data code");
                }
                bits |= (in[pos++] & 0xff) << nBits;
                nBits += 8;
            }
            int code = bits & ((1 << width) - 1);
            bits >>>= width;
            nBits -= width;
            return code;
        }

        private void emit(byte b) {
            ensure(1);
            out[size++] = b;
        }

        private void emit(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, out, size, len);
            size += len;
        }

        private void ensure(int n) {
            if (size + n > maxOutput) {
                throw new WireFormatException(layer, pos - start,
                        "lzw: decompressed data exceeds the limit of " + maxOutput + " bytes");
            }
            if (size + n > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(maxOutput, Math.max((long) out.length * 2, size + n)));
            }
        }
    }
}
