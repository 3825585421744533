package io.ipkeeper.gossip.internal.wire;

/**
 * Bytes that are not a valid memberlist/Serf frame. Carries the layer that rejected the input (a path such as
 * {@code udp>hasCrc>compress(decompressed)>compound[1]>alive}) and the byte offset within that layer's buffer,
 * so a tool can print a one-line reason without a stack trace.
 */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String layer;
    private final int offset;
    private final String reason;

    public WireFormatException(String layer, int offset, String reason) {
        this(layer, offset, reason, null);
    }

    public WireFormatException(String layer, int offset, String reason, Throwable cause) {
        super(layer + " at byte offset " + offset + ": " + reason, cause, false, false);
        this.layer = layer;
        this.offset = offset;
        this.reason = reason;
    }

    public String layer() {
        return layer;
    }

    public int offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
