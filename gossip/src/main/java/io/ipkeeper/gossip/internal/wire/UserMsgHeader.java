package io.ipkeeper.gossip.internal.wire;

/** The msgpack header of a user message sent over TCP: {@code UserMsgLen} (Go int) raw bytes follow. */
public record UserMsgHeader(int userMsgLen) {
}
