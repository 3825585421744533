package io.ipkeeper.gossip.internal.wire.serf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serf push/pull user state (type 2, only inside a TCP push/pull): Lamport clocks, member status times, left
 * members and the recent-event ring buffer (one slot per buffer entry; empty slots are null).
 *
 * @param statusLTimes member name → status Lamport time, in wire order
 * @param leftMembers null when Go sent nil
 * @param events null when Go sent nil; otherwise slots, null for empty ones
 */
public record SerfPushPull(long lTime, Map<String, Long> statusLTimes, List<String> leftMembers, long eventLTime,
        List<UserEventsSlot> events, long queryLTime) implements SerfMessage {

    /** Serf's default {@code EventBuffer} size: the number of slots a push/pull carries. */
    public static final int DEFAULT_EVENT_BUFFER = 512;

    public SerfPushPull {
        statusLTimes = Collections.unmodifiableMap(new LinkedHashMap<>(statusLTimes));
        leftMembers = leftMembers == null ? null : List.copyOf(leftMembers);
        events = events == null ? null : Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** An event buffer of {@code size} empty slots, as a node that has seen no events sends it. */
    public static List<UserEventsSlot> emptyEventBuffer(int size) {
        return Collections.nCopies(size, null);
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.PUSH_PULL;
    }
}
