package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * memberlist {@code user} (type 8): opaque bytes for the delegate (Serf's whole message layer). Over UDP the bytes
 * follow the type byte directly; over TCP they follow a {@link UserMsgHeader}.
 */
public record UserMessage(byte[] payload) implements Message, StreamMessage {

    public UserMessage {
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.USER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserMessage u && Arrays.equals(payload, u.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "UserMessage[" + Bytes.hex(payload) + "]";
    }
}
