package io.ipkeeper.gossip.internal.wire;

import java.util.List;

/**
 * A compound envelope (type 7): {@code 07 | n | n × uint16 length | parts}. At most 255 parts.
 *
 * @param declaredLengths the lengths from the header (as decoded; equals the parts' sizes when encoding)
 * @param truncated how many declared parts did not fit in the buffer (Go handles the ones that fit and logs the rest)
 */
public record CompoundFrame(List<Integer> declaredLengths, List<Frame> parts, int truncated) implements Frame {
    public static final int MAX_PARTS = 255;

    public CompoundFrame {
        declaredLengths = List.copyOf(declaredLengths);
        parts = List.copyOf(parts);
    }

    /** A compound to send: lengths are computed when it is encoded. */
    public static CompoundFrame of(List<? extends Frame> parts) {
        return new CompoundFrame(List.of(), List.copyOf(parts), 0);
    }

    @Override
    public MessageType type() {
        return MessageType.COMPOUND;
    }
}
