package io.ipkeeper.gossip.internal.wire;

import java.nio.charset.StandardCharsets;

/** The memberlist ≥ 0.3 label header: {@code f4 | len (1..255) | label}, outside encryption. */
final class Label {
    static final int MAGIC = MessageType.HAS_LABEL.code();

    private Label() {
    }

    /** A label found at the start of a buffer and the size of its header. */
    record Parsed(String label, int headerSize) {
    }

    static Parsed parse(byte[] buf, int off, int len, String layer) {
        if (len < 1 || (buf[off] & 0xff) != MAGIC) {
            return new Parsed("", 0);
        }
        if (len < 2) {
            throw new WireFormatException(layer, off + 1, "label header without a length byte");
        }
        int n = buf[off + 1] & 0xff;
        if (n == 0) {
            throw new WireFormatException(layer, off + 1, "label header with length 0");
        }
        if (n > len - 2) {
            throw new WireFormatException(layer, off + 1, "label length " + n + " exceeds the " + (len - 2)
                    + " bytes left");
        }
        return new Parsed(new String(buf, off + 2, n, StandardCharsets.UTF_8), 2 + n);
    }

    static byte[] prepend(byte[] labelBytes, byte[] payload) {
        if (labelBytes.length == 0) {
            return payload;
        }
        byte[] out = new byte[2 + labelBytes.length + payload.length];
        out[0] = (byte) MAGIC;
        out[1] = (byte) labelBytes.length;
        System.arraycopy(labelBytes, 0, out, 2, labelBytes.length);
        System.arraycopy(payload, 0, out, 2 + labelBytes.length, payload.length);
        return out;
    }
}
