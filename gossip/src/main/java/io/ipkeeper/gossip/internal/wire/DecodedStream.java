package io.ipkeeper.gossip.internal.wire;

/**
 * One direction of a decoded TCP stream.
 *
 * @param label the label header's text, or "" when there was none
 * @param encryptedLength the length field of the {@code 0a} header, or -1 when the stream was not encrypted
 * @param encryption version and nonce of the blob, or null
 * @param compressedLength size of the LZW data, or -1 when the message was not compressed
 * @param message the message itself
 * @param trailingBytes bytes after the message (Go never reads them)
 */
public record DecodedStream(String label, int encryptedLength, EncryptionInfo encryption, int compressedLength,
        StreamMessage message, int trailingBytes) {
}
