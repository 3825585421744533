package io.ipkeeper.gossip.serf;

import io.ipkeeper.gossip.internal.wire.serf.UserEventEntry;
import io.ipkeeper.gossip.internal.wire.serf.UserEventsSlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serf's recent-event ring buffer ({@code Serf.eventBuffer}, {@code handleUserEvent}): one slot per Lamport time modulo
 * the size, holding the (name, payload) pairs seen at that time. It de-duplicates user events that arrive again by
 * gossip, re-broadcast or push/pull, and is sent whole in our push/pull state. Not thread-safe: the owner locks.
 */
final class EventBuffer {
    private final Slot[] slots;
    /** Events before this time are ignored (set on a join that ignores old events, like {@code serf agent}). */
    private long minTime;

    private record Slot(long lTime, List<UserEventEntry> events) {}

    EventBuffer(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("event buffer size (" + size + ") must be at least 1");
        }
        this.slots = new Slot[size];
    }

    /**
     * Records an event seen at {@code lTime} when the event clock reads {@code clockNow}; true when it is news (not seen
     * before, not too old for the buffer, not before the minimum time): only then is it delivered and re-broadcast.
     */
    boolean record(long lTime, String name, byte[] payload, long clockNow) {
        if (Long.compareUnsigned(lTime, minTime) < 0) {
            return false;
        }
        long size = slots.length;
        if (Long.compareUnsigned(clockNow, size) > 0 && Long.compareUnsigned(lTime, clockNow - size) < 0) {
            return false; // older than anything the buffer can still tell apart
        }
        int idx = (int) Long.remainderUnsigned(lTime, size);
        Slot seen = slots[idx];
        byte[] body = payload == null ? new byte[0] : payload;
        if (seen != null && seen.lTime() == lTime) {
            for (UserEventEntry e : seen.events()) {
                if (e.name().equals(name) && Arrays.equals(orEmpty(e.payload()), body)) {
                    return false;
                }
            }
        } else {
            seen = new Slot(lTime, new ArrayList<>());
            slots[idx] = seen;
        }
        seen.events().add(new UserEventEntry(name, body.clone()));
        return true;
    }

    /** Ignore events before {@code t} from now on (never moves backwards). */
    void raiseMinTime(long t) {
        if (Long.compareUnsigned(t, minTime) > 0) {
            minTime = t;
        }
    }

    /** The buffer as Serf sends it in push/pull: one entry per slot, null for empty ones. */
    List<UserEventsSlot> snapshot() {
        List<UserEventsSlot> out = new ArrayList<>(slots.length);
        for (Slot s : slots) {
            out.add(s == null ? null : new UserEventsSlot(s.lTime(), List.copyOf(s.events())));
        }
        return out;
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}
