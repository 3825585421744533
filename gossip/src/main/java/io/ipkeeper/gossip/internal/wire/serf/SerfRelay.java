package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Serf relay (type 9): {@code 09 | msgpack {DestAddr: {IP, Port, Zone}, DestName} | inner serf message}; the
 * receiver forwards the inner message by UDP to the destination (redundant query responses).
 *
 * @param destName only sent by newer Serf versions; null when absent
 */
public record SerfRelay(byte[] destIp, int destPort, String destZone, String destName, SerfMessage inner)
        implements SerfMessage {
    public SerfRelay {
        destZone = Objects.requireNonNullElse(destZone, "");
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.RELAY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerfRelay r && destPort == r.destPort && Arrays.equals(destIp, r.destIp)
                && destZone.equals(r.destZone) && Objects.equals(destName, r.destName) && inner.equals(r.inner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(destIp), destPort, destZone, destName, inner);
    }

    @Override
    public String toString() {
        return "SerfRelay[dest=" + (destIp == null ? "nil" : HexFormat.of().formatHex(destIp)) + ":" + destPort
                + ", zone=" + destZone + ", destName=" + destName + ", inner=" + inner + "]";
    }
}
