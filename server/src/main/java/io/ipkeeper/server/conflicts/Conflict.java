package io.ipkeeper.server.conflicts;

import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.util.List;

/**
 * One row of the {@code conflict} table.
 *
 * @param macs the MAC addresses seen at the address (lower case)
 * @param acknowledgedBy who acknowledged it (null while open)
 */
public record Conflict(long id, long spaceId, IpAddress address, ConflictKind kind, List<String> macs,
                       Instant firstSeen, Instant lastSeen, ConflictState state, String acknowledgedBy,
                       Instant acknowledgedAt) {

    public Conflict {
        macs = List.copyOf(macs);
    }
}
