package io.ipkeeper.server.api;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.server.auth.Grant;
import io.ipkeeper.server.auth.Principal;
import java.util.Map;

/**
 * Grant enforcement for changes to allocations, in front of the ipam allocator (which knows nothing of principals).
 * Engineer and service principals ({@link io.ipkeeper.server.auth.Role#narrowedByGrants()}) may change addresses
 * only where a grant places them:
 * <ul>
 *   <li>where: a grant on the subnet's space (covers all its subnets and ranges), or on the range the addresses are
 *       in (allocating from a range, or changing an allocation inside one);
 *   <li>as whom: a non-empty {@code owner} (of the request, or of the allocation changed) needs a grant on that
 *       owner. A range delegated to owner X only serves requests for owner X, so allocating there needs owner X.
 * </ul>
 * Reads are not narrowed. Unknown ids pass through, so the allocator answers 404 as for everyone else.
 */
public final class AllocationGrants {
    private final Ipam ipam;

    public AllocationGrants(Ipam ipam) {
        this.ipam = ipam;
    }

    /** Allocating from subnet {@code subnetId}, or from range {@code rangeId} when not null, as {@code owner}. */
    public void checkAllocate(Principal p, Long subnetId, Long rangeId, String owner) {
        if (!p.role().narrowedByGrants()) {
            return;
        }
        try {
            IpRange range = rangeId == null ? null : ipam.ranges().get(rangeId);
            Subnet subnet = ipam.subnets().get(range == null ? subnetId : range.subnetId());
            checkPlace(p, subnet.spaceId(), range == null ? null : range.id());
        } catch (NotFound e) {
            return;
        }
        checkOwner(p, owner);
    }

    /** Changing or releasing allocation {@code id}. */
    public void checkChange(Principal p, long id) {
        if (!p.role().narrowedByGrants()) {
            return;
        }
        Allocation a;
        try {
            a = ipam.allocator().get(id);
        } catch (NotFound e) {
            return;
        }
        checkPlace(p, a.spaceId(), a.rangeId());
        checkOwner(p, a.owner());
    }

    private void checkPlace(Principal p, long spaceId, Long rangeId) {
        if (p.holds(Grant.SPACE, String.valueOf(spaceId)) || rangeId != null && p.holds(Grant.RANGE, rangeId.toString())) {
            return;
        }
        String space = ipam.spaces().get(spaceId).name();
        String needed = "a grant on space '" + space + "' (id " + spaceId + ")"
                + (rangeId == null ? "" : " or on range " + rangeId);
        throw denied(p, needed, Map.of("missingGrant", rangeId == null ? Grant.SPACE + ":" + spaceId
                : Grant.RANGE + ":" + rangeId));
    }

    private static void checkOwner(Principal p, String owner) {
        if (owner == null || owner.isBlank() || p.holds(Grant.OWNER, owner)) {
            return;
        }
        throw denied(p, "a grant on owner '" + owner + "'", Map.of("missingGrant", Grant.OWNER + ":" + owner));
    }

    private static ApiProblem denied(Principal p, String needed, Map<String, Object> ext) {
        return ApiProblem.of(403, "grant-missing", "Grant missing", "'" + p.name() + "' (role " + p.role().label()
                + ") acts only inside its grants and needs " + needed + "; an admin can add it with POST /api/v1/grants",
                ext);
    }
}
