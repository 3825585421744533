package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Serf user event (type 3).
 *
 * @param cc may be coalesced with later events of the same name
 */
public record SerfUserEvent(long lTime, String name, byte[] payload, boolean cc) implements SerfMessage {
    public SerfUserEvent {
        name = Objects.requireNonNullElse(name, "");
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.USER_EVENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerfUserEvent e && lTime == e.lTime && cc == e.cc && name.equals(e.name)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lTime, name, cc, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "SerfUserEvent[lTime=" + lTime + ", name=" + name + ", payload="
                + (payload == null ? "nil" : HexFormat.of().formatHex(payload)) + ", cc=" + cc + "]";
    }
}
