package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.internal.wire.Encryption;
import io.ipkeeper.gossip.internal.wire.Keyring;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.nio.charset.StandardCharsets;

/** Turns the config and the current keyring into {@link WireOptions} for each direction (spec §1.5-1.9). */
final class WireSettings {
    private final GossipConfig config;
    private final KeyringHolder keyring;
    private final int labelOverhead;
    private final int encryptionVersion;

    WireSettings(GossipConfig config, KeyringHolder keyring) {
        this.config = config;
        this.keyring = keyring;
        int labelBytes = config.label().getBytes(StandardCharsets.UTF_8).length;
        this.labelOverhead = labelBytes == 0 ? 0 : 2 + labelBytes;
        // ProtocolVersion 1 speakers use the padded (version 0) blob.
        this.encryptionVersion = config.protocolVersion() < 2 ? Encryption.VERSION_PADDED : Encryption.VERSION_PLAIN;
    }

    /** For a UDP packet we send; {@code crc} when the destination's PMax ≥ 5. */
    WireOptions outgoingPacket(boolean crc) {
        return base(outgoingKeyring()).withCrc(crc);
    }

    /** For stream messages we send (compression, when on, is unconditional for streams). */
    WireOptions outgoingStream() {
        return base(outgoingKeyring());
    }

    /** For decoding what arrives: any installed key may decrypt. */
    WireOptions incoming() {
        return base(keyring.current());
    }

    /** For decoding plaintext that arrived while encryption is on but incoming verification is off. */
    WireOptions incomingPlaintext() {
        return base(null);
    }

    boolean verifyIncoming() {
        return config.gossipVerifyIncoming();
    }

    boolean encryptionEnabled() {
        return keyring.enabled();
    }

    /** Bytes that label and encryption add to every UDP packet: taken off the space for piggy-backed broadcasts. */
    int packetOverhead() {
        int overhead = labelOverhead;
        if (keyring.enabled()) {
            overhead += Encryption.encryptedLength(encryptionVersion, 0); // version 0: worst-case padding included
        }
        return overhead;
    }

    private Keyring outgoingKeyring() {
        return config.gossipVerifyOutgoing() ? keyring.current() : null;
    }

    private WireOptions base(Keyring k) {
        return new WireOptions(false, config.enableCompression(), k, config.label(), encryptionVersion,
                WireOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
    }
}
