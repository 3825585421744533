package io.ipkeeper.sim;

import io.ipkeeper.gossip.internal.wire.Message;
import java.util.List;

/**
 * One packet on the simulated wire: its bytes (encoded path) or the messages it carries (decoded path, the default:
 * the receiver skips decoding), and in both cases its exact size as the sender would send it (compressed, framed).
 *
 * @param bytes the encoded packet, or null on the decoded path
 * @param messages the packet's messages, or null on the encoded path
 * @param size bytes on the wire
 */
record WirePacket(byte[] bytes, List<Message> messages, int size) {
    static WirePacket encoded(byte[] bytes) {
        return new WirePacket(bytes, null, bytes.length);
    }

    static WirePacket decoded(List<Message> messages, int size) {
        return new WirePacket(null, messages, size);
    }
}
