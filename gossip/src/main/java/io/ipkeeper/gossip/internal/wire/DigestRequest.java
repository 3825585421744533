package io.ipkeeper.gossip.internal.wire;

/**
 * ipkeeper extension (type 96, TCP only, sent only to nodes that announce {@link Capabilities#DIGEST_ANTI_ENTROPY}):
 * the first step of a digest anti-entropy round. The sender's view digest; the receiver answers with a
 * {@link DigestReply}.
 *
 * @param buckets how many buckets to compare if the roots differ (a power of two, at most
 *     {@link DigestCodec#MAX_BUCKETS})
 * @param count number of alive and suspect entries in the sender's view
 * @param root the sender's view digest
 */
public record DigestRequest(int buckets, int count, long root) implements StreamMessage {
    @Override
    public MessageType type() {
        return MessageType.DIGEST_REQUEST;
    }
}
