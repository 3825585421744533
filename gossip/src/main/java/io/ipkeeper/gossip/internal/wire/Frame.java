package io.ipkeeper.gossip.internal.wire;

/**
 * Something that travels inside a UDP packet: a plain {@link Message}, or an envelope around others
 * ({@link CompoundFrame}, {@link CrcFrame}, {@link CompressedFrame}).
 */
public sealed interface Frame permits Message, CompoundFrame, CrcFrame, CompressedFrame {
    MessageType type();
}
