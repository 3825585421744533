package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Serf query response (type 5), sent directly by UDP to the querier.
 *
 * @param flags uint32: 1 = this is an ack, not a response
 */
public record SerfQueryResponse(long lTime, long id, String from, long flags, byte[] payload) implements SerfMessage {
    public static final long FLAG_ACK = 1;

    public SerfQueryResponse {
        from = Objects.requireNonNullElse(from, "");
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.QUERY_RESPONSE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerfQueryResponse r && lTime == r.lTime && id == r.id && flags == r.flags
                && from.equals(r.from) && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lTime, id, from, flags, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "SerfQueryResponse[lTime=" + lTime + ", id=" + id + ", from=" + from + ", flags=" + flags
                + ", payload=" + (payload == null ? "nil" : HexFormat.of().formatHex(payload)) + "]";
    }
}
