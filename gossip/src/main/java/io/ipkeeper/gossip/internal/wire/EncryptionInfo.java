package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** What a decrypted packet or stream said about its encryption: the blob version and the nonce. */
public record EncryptionInfo(int version, byte[] nonce) {
    public EncryptionInfo {
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public String nonceHex() {
        return HexFormat.of().formatHex(nonce);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionInfo e && version == e.version && Arrays.equals(nonce, e.nonce);
    }

    @Override
    public int hashCode() {
        return 31 * version + Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "EncryptionInfo[version=" + version + ", nonce=" + nonceHex() + "]";
    }
}
