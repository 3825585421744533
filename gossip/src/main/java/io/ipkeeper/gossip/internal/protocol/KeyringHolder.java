package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.internal.wire.Keyring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node's current keyring, swapped atomically so API threads can install/use/remove keys while the protocol thread
 * encrypts and decrypts with whatever is current. Null inside = encryption off.
 */
public final class KeyringHolder {
    private final AtomicReference<Keyring> current;

    public KeyringHolder(Keyring initial) {
        this.current = new AtomicReference<>(initial);
    }

    /** The keyring now, or null when encryption is off. */
    public Keyring current() {
        return current.get();
    }

    public boolean enabled() {
        return current.get() != null;
    }

    /** Adds a key (not primary); the first key installed on a node without keys becomes primary. */
    public void install(byte[] key) {
        Keyring.validate(key);
        current.updateAndGet(k -> {
            if (k == null) {
                return Keyring.of(key);
            }
            List<byte[]> keys = k.keys();
            return Keyring.of(keys.getFirst(), append(keys.subList(1, keys.size()), key));
        });
    }

    /** Makes an installed key the primary one (used for all encryption). */
    public void use(byte[] key) {
        current.updateAndGet(k -> {
            if (k == null || k.keys().stream().noneMatch(x -> Arrays.equals(x, key))) {
                throw new IllegalArgumentException("key is not installed; install it before using it");
            }
            return k.withPrimary(key);
        });
    }

    /** Removes a key that is not the primary one. */
    public void remove(byte[] key) {
        current.updateAndGet(k -> {
            if (k == null) {
                return null;
            }
            List<byte[]> keys = k.keys();
            if (Arrays.equals(keys.getFirst(), key)) {
                throw new IllegalArgumentException("the primary key cannot be removed; use another key first");
            }
            List<byte[]> rest = new ArrayList<>();
            for (byte[] x : keys.subList(1, keys.size())) {
                if (!Arrays.equals(x, key)) {
                    rest.add(x);
                }
            }
            return Keyring.of(keys.getFirst(), rest.toArray(byte[][]::new));
        });
    }

    /** Installed keys, primary first (copies); empty when encryption is off. */
    public List<byte[]> keys() {
        Keyring k = current.get();
        return k == null ? List.of() : k.keys();
    }

    private static byte[][] append(List<byte[]> keys, byte[] key) {
        List<byte[]> out = new ArrayList<>(keys);
        out.add(key);
        return out.toArray(byte[][]::new);
    }
}
