package io.ipkeeper.gossip.internal.wire;

/** A memberlist message with a body: its type byte followed by a msgpack struct (or raw bytes for user). */
public sealed interface Message extends Frame
        permits Ping, IndirectPing, Ack, Nack, Suspect, Alive, Dead, UserMessage, ErrorResponse {
}
