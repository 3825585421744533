package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;

/** Serf key request (type 7): payload of the internal install/use/remove-key queries ({@code keyRequest{Key}}). */
public record SerfKeyRequest(byte[] key) implements SerfMessage {
    @Override
    public SerfMessageType type() {
        return SerfMessageType.KEY_REQUEST;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerfKeyRequest k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SerfKeyRequest[" + (key == null ? "nil" : key.length + " bytes") + "]"; // never print key material
    }
}
