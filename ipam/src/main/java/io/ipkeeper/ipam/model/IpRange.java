package io.ipkeeper.ipam.model;

import io.ipkeeper.ipam.net.AddressRange;
import java.time.Instant;

/**
 * A start-end range inside a leaf subnet. When {@code owner} is set the range is delegated: only requests made for
 * that owner see it.
 */
public record IpRange(long id, long subnetId, AddressRange range, RangePurpose purpose, String owner,
                      String description, String createdBy, Instant createdAt) {

    /** Whether a request for {@code requestOwner} (null: nobody in particular) may allocate from this range. */
    public boolean visibleTo(String requestOwner) {
        return owner == null || owner.equals(requestOwner);
    }
}
