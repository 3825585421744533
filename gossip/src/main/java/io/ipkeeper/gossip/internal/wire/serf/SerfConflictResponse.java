package io.ipkeeper.gossip.internal.wire.serf;

/**
 * Serf conflict response (type 6): the payload of an answer to the internal {@code _serf_conflict} query, naming the
 * member the responder knows under the disputed name.
 */
public record SerfConflictResponse(SerfMember member) implements SerfMessage {
    @Override
    public SerfMessageType type() {
        return SerfMessageType.CONFLICT_RESPONSE;
    }
}
