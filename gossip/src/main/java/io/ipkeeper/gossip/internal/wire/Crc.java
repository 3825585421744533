package io.ipkeeper.gossip.internal.wire;

import java.util.zip.CRC32;

/** CRC-32/IEEE as memberlist's {@code hasCrc} wrapper uses it (same polynomial as zlib and {@link CRC32}). */
final class Crc {
    private Crc() {
    }

    static long of(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return crc.getValue();
    }
}
