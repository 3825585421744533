package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Serf query (type 4). Responses go by UDP to {@code addr:port}.
 *
 * @param id uint32
 * @param filters each a filter type byte (0 node list, 1 tag regex) + msgpack; null when Go sent nil
 * @param flags uint32: 1 = ack wanted, 2 = do not rebroadcast
 * @param relayFactor uint8
 * @param timeoutNanos Go {@code time.Duration}
 */
public record SerfQuery(long lTime, long id, byte[] addr, int port, String sourceNode, List<byte[]> filters,
        long flags, int relayFactor, long timeoutNanos, String name, byte[] payload) implements SerfMessage {

    public static final long FLAG_ACK = 1;
    public static final long FLAG_NO_BROADCAST = 2;

    public SerfQuery {
        sourceNode = Objects.requireNonNullElse(sourceNode, "");
        name = Objects.requireNonNullElse(name, "");
        filters = filters == null ? null : List.copyOf(filters);
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.QUERY;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SerfQuery q) || lTime != q.lTime || id != q.id || port != q.port || flags != q.flags
                || relayFactor != q.relayFactor || timeoutNanos != q.timeoutNanos || !sourceNode.equals(q.sourceNode)
                || !name.equals(q.name) || !Arrays.equals(addr, q.addr) || !Arrays.equals(payload, q.payload)) {
            return false;
        }
        if (filters == null || q.filters == null) {
            return filters == q.filters;
        }
        if (filters.size() != q.filters.size()) {
            return false;
        }
        for (int i = 0; i < filters.size(); i++) {
            if (!Arrays.equals(filters.get(i), q.filters.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lTime, id, port, sourceNode, flags, relayFactor, timeoutNanos, name,
                Arrays.hashCode(addr), Arrays.hashCode(payload), filters == null ? -1 : filters.size());
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "SerfQuery[lTime=" + lTime + ", id=" + id + ", name=" + name + ", addr="
                + (addr == null ? "nil" : hex.formatHex(addr)) + ", port=" + port + ", sourceNode=" + sourceNode
                + ", flags=" + flags + ", relayFactor=" + relayFactor + ", timeoutNanos=" + timeoutNanos
                + ", filters=" + (filters == null ? "nil" : filters.stream().map(hex::formatHex).toList())
                + ", payload=" + (payload == null ? "nil" : hex.formatHex(payload)) + "]";
    }
}
