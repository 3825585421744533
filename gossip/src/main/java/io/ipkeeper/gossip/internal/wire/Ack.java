package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * memberlist {@code ackResp} (type 2).
 *
 * @param payload from the PingDelegate (Serf: {@code 01} + msgpack Vivaldi coordinate); null is sent as nil,
 *     an empty array as an empty raw string
 */
public record Ack(long seqNo, byte[] payload) implements Message, StreamMessage {

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ack a && seqNo == a.seqNo && Arrays.equals(payload, a.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seqNo, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Ack[seqNo=" + seqNo + ", payload=" + Bytes.hex(payload) + "]";
    }
}
