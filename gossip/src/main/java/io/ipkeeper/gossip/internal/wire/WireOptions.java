package io.ipkeeper.gossip.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How packets and streams are wrapped.
 *
 * @param crc add the {@code hasCrc} wrapper to UDP packets (the destination's PMax ≥ 5)
 * @param compress LZW: UDP packets only when it makes them smaller, stream messages always
 * @param keyring encrypt with the primary key and decrypt with any; null when encryption is off
 * @param label memberlist ≥ 0.3 label ("" = none; required for memberlist 0.2.2 / Serf 0.9.4)
 * @param encryptionVersion 1 (no padding, the default) or 0 (PKCS#7, ProtocolVersion 1 senders)
 * @param maxDecompressedBytes refuse compressed payloads that expand beyond this (memberlist HEAD: 40 MiB)
 */
public record WireOptions(boolean crc, boolean compress, Keyring keyring, String label, int encryptionVersion,
        int maxDecompressedBytes) {

    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 40 * 1024 * 1024;
    /** memberlist's {@code maxPushStateBytes}: the largest encrypted stream blob we accept. */
    public static final int MAX_STREAM_BLOB_BYTES = 20 * 1024 * 1024;

    public WireOptions {
        label = Objects.requireNonNullElse(label, "");
        if (label.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("label must be at most 255 bytes");
        }
        if (encryptionVersion != Encryption.VERSION_PADDED && encryptionVersion != Encryption.VERSION_PLAIN) {
            throw new IllegalArgumentException("encryption version must be 0 or 1");
        }
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive");
        }
    }

    /** No CRC, compression, encryption or label. */
    public static WireOptions plain() {
        return new WireOptions(false, false, null, "", Encryption.VERSION_PLAIN, DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    public WireOptions withCrc(boolean on) {
        return new WireOptions(on, compress, keyring, label, encryptionVersion, maxDecompressedBytes);
    }

    public WireOptions withCompression(boolean on) {
        return new WireOptions(crc, on, keyring, label, encryptionVersion, maxDecompressedBytes);
    }

    public WireOptions withKeyring(Keyring k) {
        return new WireOptions(crc, compress, k, label, encryptionVersion, maxDecompressedBytes);
    }

    public WireOptions withLabel(String l) {
        return new WireOptions(crc, compress, keyring, l, encryptionVersion, maxDecompressedBytes);
    }

    public WireOptions withEncryptionVersion(int v) {
        return new WireOptions(crc, compress, keyring, label, v, maxDecompressedBytes);
    }

    public WireOptions withMaxDecompressedBytes(int max) {
        return new WireOptions(crc, compress, keyring, label, encryptionVersion, max);
    }

    public boolean encrypted() {
        return keyring != null;
    }

    byte[] labelBytes() {
        return label.getBytes(StandardCharsets.UTF_8);
    }
}
