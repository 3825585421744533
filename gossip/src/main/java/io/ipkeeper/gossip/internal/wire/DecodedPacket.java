package io.ipkeeper.gossip.internal.wire;

/**
 * A decoded UDP packet.
 *
 * @param label the label header's text, or "" when the packet had none
 * @param encryption how it was encrypted, or null when it was not
 * @param frame the (decrypted) content
 */
public record DecodedPacket(String label, EncryptionInfo encryption, Frame frame) {
}
