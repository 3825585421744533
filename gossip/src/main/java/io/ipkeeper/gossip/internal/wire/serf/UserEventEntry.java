package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One event of a Serf push/pull event-buffer slot ({@code userEvent{Name, Payload}}). */
public record UserEventEntry(String name, byte[] payload) {
    public UserEventEntry {
        name = Objects.requireNonNullElse(name, "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserEventEntry e && name.equals(e.name) && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "UserEventEntry[name=" + name + ", payload=" + (payload == null ? "nil" : HexFormat.of().formatHex(payload)) + "]";
    }
}
