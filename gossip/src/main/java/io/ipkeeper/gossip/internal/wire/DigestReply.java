package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;

/**
 * ipkeeper extension (type 97): the answer to a {@link DigestRequest}. When the views match, {@code hashes} is empty;
 * otherwise it holds the responder's hash of each of the requested buckets, so the requester can tell which buckets
 * differ and send a {@link DigestRecords}.
 *
 * @param buckets the bucket count the hashes are for
 * @param count number of alive and suspect entries in the responder's view
 * @param hashes one hash per bucket, or none when in sync
 */
public record DigestReply(int buckets, int count, long[] hashes) implements StreamMessage {
    public DigestReply {
        hashes = hashes == null ? new long[0] : hashes;
    }

    public boolean inSync() {
        return hashes.length == 0;
    }

    @Override
    public MessageType type() {
        return MessageType.DIGEST_REPLY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestReply r && buckets == r.buckets && count == r.count && Arrays.equals(hashes, r.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * buckets + count) + Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "DigestReply[buckets=" + buckets + ", count=" + count + ", hashes=" + hashes.length + "]";
    }
}
