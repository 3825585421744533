package io.ipkeeper.gossip.internal.wire;

/**
 * A CRC envelope (type 12): {@code 0c | CRC-32/IEEE big-endian | inner}. Only the outermost level of a UDP packet.
 *
 * @param crc32 the checksum as read (or computed when encoding)
 */
public record CrcFrame(long crc32, Frame inner) implements Frame {
    @Override
    public MessageType type() {
        return MessageType.HAS_CRC;
    }
}
