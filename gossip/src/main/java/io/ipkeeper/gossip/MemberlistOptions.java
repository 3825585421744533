package io.ipkeeper.gossip;

import io.ipkeeper.gossip.internal.wire.Keyring;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Memberlist} plugs in besides its {@link GossipConfig}: listener, delegate, metrics and encryption keys.
 * Every part is optional.
 *
 * <pre>{@code
 * MemberlistOptions.builder().listener(myListener).metrics(myMetrics).key(Keyring.decode("AAECAwQFBgcICQoLDA0ODw==")).build()
 * }</pre>
 */
public final class MemberlistOptions {
    private final MembershipListener listener;
    private final Delegate delegate;
    private final GossipMetrics metrics;
    private final List<byte[]> keys;

    private MemberlistOptions(Builder b) {
        this.listener = b.listener;
        this.delegate = b.delegate;
        this.metrics = b.metrics;
        this.keys = List.copyOf(b.keys);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No listener, delegate, metrics or keys. */
    public static MemberlistOptions defaults() {
        return builder().build();
    }

    public MembershipListener listener() {
        return listener;
    }

    public Delegate delegate() {
        return delegate;
    }

    public GossipMetrics metrics() {
        return metrics;
    }

    /** The initial keyring (primary first); empty = no encryption. */
    public List<byte[]> keys() {
        return keys;
    }

    Keyring initialKeyring() {
        if (keys.isEmpty()) {
            return null;
        }
        return Keyring.of(keys.getFirst(), keys.subList(1, keys.size()).toArray(byte[][]::new));
    }

    public static final class Builder {
        private MembershipListener listener = new MembershipListener() {};
        private Delegate delegate = new Delegate() {};
        private GossipMetrics metrics = GossipMetrics.NONE;
        private final List<byte[]> keys = new ArrayList<>();

        private Builder() {}

        public Builder listener(MembershipListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder delegate(Delegate delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            return this;
        }

        public Builder metrics(GossipMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Adds an encryption key (16, 24 or 32 bytes); the first one added is the primary key. */
        public Builder key(byte[] key) {
            Keyring.validate(key);
            keys.add(key.clone());
            return this;
        }

        public MemberlistOptions build() {
            return new MemberlistOptions(this);
        }
    }
}
