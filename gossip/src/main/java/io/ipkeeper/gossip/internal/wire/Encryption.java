package io.ipkeeper.gossip.internal.wire;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * memberlist's AES-GCM blob ({@code security.go}): {@code version | 12-byte nonce | ciphertext || 16-byte tag}.
 * Version 1 encrypts the plaintext as is; version 0 (ProtocolVersion 1 senders) PKCS#7-pads it to 16 bytes first.
 * We decrypt both and encrypt version 1.
 */
public final class Encryption {
    public static final int VERSION_PADDED = 0;
    public static final int VERSION_PLAIN = 1;
    public static final int NONCE_SIZE = 12;
    public static final int TAG_SIZE = 16;
    private static final int BLOCK_SIZE = 16;
    /** Bytes added by version 1: version + nonce + tag. */
    public static final int OVERHEAD = 1 + NONCE_SIZE + TAG_SIZE;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Encryption() {
    }

    /** What decryption found out besides the plaintext. */
    public record Decrypted(int version, byte[] nonce, int keyIndex, byte[] plaintext) {
    }

    public static byte[] randomNonce() {
        byte[] nonce = new byte[NONCE_SIZE];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** Size of a blob for {@code plaintextLength} bytes (memberlist's {@code encryptedLength}). */
    public static int encryptedLength(int version, int plaintextLength) {
        if (version == VERSION_PLAIN) {
            return OVERHEAD + plaintextLength;
        }
        return OVERHEAD + plaintextLength + (BLOCK_SIZE - plaintextLength % BLOCK_SIZE);
    }

    public static byte[] encrypt(int version, byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        if (version != VERSION_PLAIN && version != VERSION_PADDED) {
            throw new IllegalArgumentException("unsupported encryption version " + version);
        }
        if (nonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("nonce must be 12 bytes");
        }
        byte[] input = version == VERSION_PADDED ? pkcs7Pad(plaintext) : plaintext;
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            if (aad != null && aad.length > 0) {
                cipher.updateAAD(aad);
            }
            byte[] out = new byte[1 + NONCE_SIZE + cipher.getOutputSize(input.length)];
            out[0] = (byte) version;
            System.arraycopy(nonce, 0, out, 1, NONCE_SIZE);
            int n = cipher.doFinal(input, 0, input.length, out, 1 + NONCE_SIZE);
            return n == out.length - 1 - NONCE_SIZE ? out : Arrays.copyOf(out, 1 + NONCE_SIZE + n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Tries every key of the keyring in order and returns the first that authenticates. */
    public static Decrypted decrypt(Keyring keyring, byte[] blob, int off, int len, byte[] aad, String layer) {
        if (len < 1) {
            throw new WireFormatException(layer, 0, "cannot decrypt an empty payload");
        }
        int version = blob[off] & 0xff;
        if (version > VERSION_PLAIN) {
            throw new WireFormatException(layer, 0, "unsupported encryption version " + version);
        }
        if (len < encryptedLength(version, 0)) {
            throw new WireFormatException(layer, 0, "payload of " + len + " bytes is too small to decrypt (version "
                    + version + ")");
        }
        byte[] nonce = Arrays.copyOfRange(blob, off + 1, off + 1 + NONCE_SIZE);
        for (int i = 0; i < keyring.size(); i++) {
            byte[] plain = tryDecrypt(keyring.keyAt(i), nonce, blob, off + 1 + NONCE_SIZE, len - 1 - NONCE_SIZE, aad);
            if (plain != null) {
                if (version == VERSION_PADDED) {
                    plain = pkcs7Unpad(plain, layer);
                }
                return new Decrypted(version, nonce, i, plain);
            }
        }
        throw new WireFormatException(layer, 1 + NONCE_SIZE, "no installed key could decrypt the payload ("
                + keyring.size() + " tried)");
    }

    private static byte[] tryDecrypt(byte[] key, byte[] nonce, byte[] in, int off, int len, byte[] aad) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            if (aad != null && aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(in, off, len);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_SIZE * 8, nonce));
        return cipher;
    }

    private static byte[] pkcs7Pad(byte[] in) {
        int pad = BLOCK_SIZE - in.length % BLOCK_SIZE;
        byte[] out = Arrays.copyOf(in, in.length + pad);
        Arrays.fill(out, in.length, out.length, (byte) pad);
        return out;
    }

    /** Go trusts the last byte blindly (and can panic); we check it is a sane pad length. */
    private static byte[] pkcs7Unpad(byte[] in, String layer) {
        int pad = in.length == 0 ? 0 : in[in.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK_SIZE || pad > in.length) {
            throw new WireFormatException(layer, 0, "invalid PKCS#7 padding in a version 0 payload");
        }
        return Arrays.copyOf(in, in.length - pad);
    }
}
