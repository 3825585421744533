package io.ipkeeper.gossip.internal.wire;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * ipkeeper extension (type 98): the records of the buckets that differ, in both directions of a digest anti-entropy
 * round. The requester sends its records of the {@code marked} buckets; the responder answers with its own records of
 * the same buckets and merges the requester's. Records are memberlist push/pull records, merged by the same rules.
 *
 * @param from the sender's node name: its dead and suspect records are its accusations
 * @param buckets the bucket count {@code marked} refers to
 * @param marked the differing buckets
 * @param records every entry of the sender's table in those buckets (dead and left ones included)
 */
public record DigestRecords(String from, int buckets, BitSet marked, List<PushNodeState> records)
        implements StreamMessage {
    public DigestRecords {
        from = Objects.requireNonNullElse(from, "");
        marked = (BitSet) Objects.requireNonNull(marked, "marked").clone();
        records = List.copyOf(records);
    }

    @Override
    public BitSet marked() {
        return (BitSet) marked.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.DIGEST_RECORDS;
    }
}
