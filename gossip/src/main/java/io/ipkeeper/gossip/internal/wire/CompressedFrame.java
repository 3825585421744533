package io.ipkeeper.gossip.internal.wire;

/**
 * A compression envelope (type 9): msgpack {@code {Algo, Buf}} where Buf is the LZW-compressed inner frame.
 *
 * @param algo 0 = LZW, the only algorithm
 * @param compressedLength size of {@code Buf} as read
 */
public record CompressedFrame(int algo, int compressedLength, Frame inner) implements Frame {
    public static final int LZW = 0;

    @Override
    public MessageType type() {
        return MessageType.COMPRESS;
    }
}
