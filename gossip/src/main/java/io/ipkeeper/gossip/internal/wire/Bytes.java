package io.ipkeeper.gossip.internal.wire;

import java.util.HexFormat;

/** Small helpers for the byte arrays the records hold. */
final class Bytes {
    private Bytes() {
    }

    static String hex(byte[] b) {
        return b == null ? "nil" : HexFormat.of().formatHex(b);
    }

    /** memberlist's omitempty: an empty slice is not sent, so it reads back as absent (null). */
    static byte[] emptyToNull(byte[] b) {
        return b == null || b.length == 0 ? null : b;
    }
}
