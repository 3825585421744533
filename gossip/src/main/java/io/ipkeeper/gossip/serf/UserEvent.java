package io.ipkeeper.gossip.serf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Serf user event ({@code serf event NAME PAYLOAD}).
 *
 * @param lTime the event's Lamport time (the sender's event clock)
 * @param name event name
 * @param payload opaque bytes; empty when none; do not mutate
 * @param coalesce the sender allows receivers to coalesce it with later events of the same name
 */
public record UserEvent(long lTime, String name, byte[] payload, boolean coalesce) {
    public UserEvent {
        Objects.requireNonNull(name, "name");
        payload = payload == null ? new byte[0] : payload;
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserEvent e && lTime == e.lTime && coalesce == e.coalesce && name.equals(e.name)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lTime, name, coalesce, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UserEvent[" + name + " ltime=" + lTime + " " + payload.length + " bytes" + (coalesce ? " cc" : "") + "]";
    }
}
