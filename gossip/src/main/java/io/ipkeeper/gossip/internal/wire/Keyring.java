package io.ipkeeper.gossip.internal.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * memberlist's keyring as an immutable value: an ordered list of AES keys (16, 24 or 32 bytes) whose first element is
 * the primary key. Encryption always uses the primary key; decryption tries every key in order.
 */
public final class Keyring {
    private final List<byte[]> keys;

    private Keyring(List<byte[]> keys) {
        this.keys = keys;
    }

    public static Keyring of(byte[] primary, byte[]... others) {
        List<byte[]> list = new ArrayList<>();
        add(list, primary);
        for (byte[] k : others) {
            add(list, k);
        }
        return new Keyring(List.copyOf(list));
    }

    /** A keyring from base64 keys (the form Serf and memberlist configs use); the first is the primary. */
    public static Keyring ofBase64(List<String> base64Keys) {
        if (base64Keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring needs at least one key");
        }
        List<byte[]> list = new ArrayList<>();
        for (String k : base64Keys) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(k.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key is not valid base64: " + e.getMessage(), e);
            }
            add(list, key);
        }
        return new Keyring(List.copyOf(list));
    }

    private static void add(List<byte[]> list, byte[] key) {
        validate(key);
        for (byte[] k : list) {
            if (Arrays.equals(k, key)) {
                return; // adding an installed key does nothing, like memberlist
            }
        }
        list.add(key.clone());
    }

    /** AES-128/192/256 only, as memberlist's {@code ValidateKey}. */
    public static void validate(byte[] key) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new IllegalArgumentException("key size must be 16, 24 or 32 bytes, got "
                    + (key == null ? "none" : key.length));
        }
    }

    public byte[] primaryKey() {
        return keys.getFirst().clone();
    }

    /** All keys, primary first (copies). */
    public List<byte[]> keys() {
        return keys.stream().map(byte[]::clone).toList();
    }

    int size() {
        return keys.size();
    }

    byte[] keyAt(int i) {
        return keys.get(i);
    }

    /** This keyring with {@code key} promoted to primary (installed first if missing). */
    public Keyring withPrimary(byte[] key) {
        List<byte[]> list = new ArrayList<>();
        add(list, key);
        for (byte[] k : keys) {
            add(list, k);
        }
        return new Keyring(List.copyOf(list));
    }

    @Override
    public String toString() {
        return "Keyring[" + keys.size() + " key(s)]"; // never print key material
    }
}
