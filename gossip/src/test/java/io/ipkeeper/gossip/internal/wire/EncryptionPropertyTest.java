package io.ipkeeper.gossip.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** AES-GCM blobs round trip for every key size and both versions; keyrings decrypt with any installed key. */
class EncryptionPropertyTest {

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> plaintexts() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    }

    @Property(tries = 200)
    void roundTrips(@ForAll("keys") byte[] key, @ForAll("plaintexts") byte[] plain, @ForAll boolean padded,
            @ForAll("plaintexts") byte[] aad) {
        int version = padded ? Encryption.VERSION_PADDED : Encryption.VERSION_PLAIN;
        byte[] blob = Encryption.encrypt(version, key, Encryption.randomNonce(), plain, aad);

        assertThat(blob).hasSize(Encryption.encryptedLength(version, plain.length));
        Encryption.Decrypted d = Encryption.decrypt(Keyring.of(key), blob, 0, blob.length, aad, "t");
        assertThat(d.plaintext()).isEqualTo(plain);
        assertThat(d.version()).isEqualTo(version);
    }

    @Property(tries = 100)
    void keyringDecryptsWithANonPrimaryKey(@ForAll("keys") byte[] primary, @ForAll("keys") byte[] other,
            @ForAll("keys") byte[] sender, @ForAll("plaintexts") byte[] plain) {
        byte[] blob = Encryption.encrypt(1, sender, Encryption.randomNonce(), plain, null);
        Keyring ring = Keyring.of(primary, other, sender);

        Encryption.Decrypted d = Encryption.decrypt(ring, blob, 0, blob.length, null, "t");

        assertThat(d.plaintext()).isEqualTo(plain);
        assertThat(ring.keys().get(d.keyIndex())).isEqualTo(sender);
    }

    @Property(tries = 50)
    void packetsEncryptWithThePrimaryAndDecryptOnAnotherNode(@ForAll("keys") byte[] a, @ForAll("keys") byte[] b) {
        List<Message> msgs = List.of(new Ping(7, "n", null, 0, ""), new Nack(7));
        WireOptions sender = WireOptions.plain().withKeyring(Keyring.of(a, b)).withLabel("lab");
        WireOptions receiver = WireOptions.plain().withKeyring(Keyring.of(b, a));

        DecodedPacket p = PacketCodec.decodePacket(PacketCodec.encodePacket(msgs, sender), receiver);

        assertThat(p.label()).isEqualTo("lab");
        assertThat(((CompoundFrame) p.frame()).parts()).isEqualTo(msgs);
    }

    @Test
    void wrongKeyAndTamperingAreTypedErrors() {
        byte[] key = new byte[16];
        byte[] blob = Encryption.encrypt(1, key, Encryption.randomNonce(), new byte[] {1, 2, 3}, null);
        byte[] otherKey = new byte[16];
        otherKey[0] = 1;
        assertThatThrownBy(() -> Encryption.decrypt(Keyring.of(otherKey), blob, 0, blob.length, null, "udp>encrypt"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("udp>encrypt")
                .hasMessageContaining("no installed key");
        blob[blob.length - 1] ^= 1;
        assertThatThrownBy(() -> Encryption.decrypt(Keyring.of(key), blob, 0, blob.length, null, "t"))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Encryption.decrypt(Keyring.of(key), new byte[] {2, 0}, 0, 2, null, "t"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("version 2");
    }

    @Test
    void badKeySizesAreRefused() {
        assertThatThrownBy(() -> Keyring.of(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
