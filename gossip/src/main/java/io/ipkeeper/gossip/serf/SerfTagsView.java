package io.ipkeeper.gossip.serf;

import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import java.util.Map;

/** Tags of a member's meta as Serf reads them, never throwing on a peer's bad bytes. */
final class SerfTagsView {
    private SerfTagsView() {}

    /** The tags in {@code meta}; malformed tag meta reads as no tags (Serf logs and does the same). */
    static Map<String, String> of(byte[] meta) {
        try {
            return Map.copyOf(SerfTags.decode(meta));
        } catch (WireFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Map.of();
        }
    }

    static Map<String, String> of(Member member) {
        return of(member.meta());
    }
}
