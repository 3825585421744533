package io.ipkeeper.gossip.internal.wire;

import java.util.Objects;

/** memberlist {@code errResp} (type 13): the stream server could not read our request. */
public record ErrorResponse(String error) implements Message, StreamMessage {
    public ErrorResponse {
        error = Objects.requireNonNullElse(error, "");
    }

    @Override
    public MessageType type() {
        return MessageType.ERR;
    }
}
