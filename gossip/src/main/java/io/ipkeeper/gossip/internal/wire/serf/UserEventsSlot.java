package io.ipkeeper.gossip.internal.wire.serf;

import java.util.List;

/** A filled slot of Serf's event ring buffer ({@code userEvents{LTime, Events}}): the events seen at one time. */
public record UserEventsSlot(long lTime, List<UserEventEntry> events) {
    public UserEventsSlot {
        events = events == null ? null : List.copyOf(events);
    }
}
