package io.ipkeeper.gossip;

import io.ipkeeper.gossip.internal.protocol.KeyringHolder;
import java.util.Base64;
import java.util.List;

/**
 * The running node's encryption keys (AES-128/192/256, i.e. 16, 24 or 32 bytes), changeable at run time like
 * {@code serf keys}: {@link #install} a new key everywhere, {@link #use} it as primary everywhere, then {@link #remove}
 * the old one. The primary key encrypts; every installed key may decrypt. Thread-safe.
 */
public final class Keyring {
    private final KeyringHolder holder;

    Keyring(KeyringHolder holder) {
        this.holder = holder;
    }

    /** Adds a key for decryption (a node without keys starts encrypting with it). Installing a key twice does nothing. */
    public void install(byte[] key) {
        holder.install(key);
    }

    /** Makes an installed key the primary one. */
    public void use(byte[] key) {
        holder.use(key);
    }

    /** Removes an installed key; the primary key cannot be removed. */
    public void remove(byte[] key) {
        holder.remove(key);
    }

    /** Installed keys, primary first (copies). */
    public List<byte[]> keys() {
        return holder.keys();
    }

    /** Decodes a base64 key (the form memberlist and Serf configs use), e.g. {@code AAECAwQFBgcICQoLDA0ODw==}. */
    public static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not valid base64: " + e.getMessage(), e);
        }
    }
}
