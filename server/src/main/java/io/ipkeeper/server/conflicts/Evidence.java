package io.ipkeeper.server.conflicts;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known about one address in one space inside the window: the MACs seen using it (each with first and last
 * sighting) and the live allocation, if any.
 *
 * @param allocation null when the address has no live allocation
 * @param managed whether the address lies in a leaf subnet of the space (only then is "unallocated" meaningful)
 */
record Evidence(SortedMap<String, Seen> macs, Allocated allocation, boolean managed) {

    /** First and last sighting of one MAC at the address. */
    record Seen(Instant first, Instant last) {}

    /** The live allocation at the address: its recorded MAC (may be null) and state. */
    record Allocated(String mac, String state) {}

    Evidence {
        macs = new TreeMap<>(macs);
    }

    Evidence withMac(String mac, Seen seen) {
        TreeMap<String, Seen> m = new TreeMap<>(macs);
        m.put(mac, seen);
        return new Evidence(m, allocation, managed);
    }

    Instant firstSeen() {
        return macs.values().stream().map(Seen::first).min(Instant::compareTo).orElse(null);
    }

    Instant lastSeen() {
        return macs.values().stream().map(Seen::last).max(Instant::compareTo).orElse(null);
    }

    static Evidence none(Allocated allocation, boolean managed) {
        return new Evidence(new TreeMap<>(), allocation, managed);
    }
}
