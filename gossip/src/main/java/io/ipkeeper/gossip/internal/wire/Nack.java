package io.ipkeeper.gossip.internal.wire;

/** memberlist {@code nackResp} (type 11): the helper of an indirect probe got no ack from the target. */
public record Nack(long seqNo) implements Message {
    @Override
    public MessageType type() {
        return MessageType.NACK;
    }
}
