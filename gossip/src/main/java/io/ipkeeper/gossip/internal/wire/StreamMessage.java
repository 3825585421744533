package io.ipkeeper.gossip.internal.wire;

/** What one direction of a TCP stream carries once label, encryption and compression are removed. */
public sealed interface StreamMessage permits Ping, Ack, PushPull, UserMessage, ErrorResponse,
        DigestRequest, DigestReply, DigestRecords {
    MessageType type();
}
