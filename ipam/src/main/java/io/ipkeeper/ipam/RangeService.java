package io.ipkeeper.ipam;

import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OverlappingRange;
import io.ipkeeper.ipam.error.RangeOutsideSubnet;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.FreeExtent;
import io.ipkeeper.ipam.internal.FreeExtents;
import io.ipkeeper.ipam.internal.LockedSubnet;
import io.ipkeeper.ipam.internal.RangeCache;
import io.ipkeeper.ipam.internal.RangeMove;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.internal.SubnetLayout;
import io.ipkeeper.ipam.internal.SubnetWrites;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePatch;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.Utilization;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Ranges of a leaf subnet. Creating one re-partitions the subnet's free extents (a reserved range takes its addresses
 * out of the index). Ranges are created on empty address space: a range over live allocations is rejected.
 */
public final class RangeService {

    private final Jdbi jdbi;
    private final InstantSource clock;

    RangeService(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public IpRange create(String principal, RangeSpec spec) {
        if (spec.purpose() == null) {
            throw new InvalidRequest("a range needs a purpose: static, dynamic or reserved");
        }
        IpAddress start = IpAddress.parse(spec.start() == null ? null : spec.start().trim());
        IpAddress end = IpAddress.parse(spec.end() == null ? null : spec.end().trim());
        if (start.version() != end.version() || start.isAfter(end)) {
            throw new RangeOutsideSubnet("range " + start + "-" + end + " is not a range: start must not be after end,"
                    + " and both must be the same IP version");
        }
        AddressRange r = new AddressRange(start, end);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Subnet s = SubnetWrites.find(h, spec.subnetId())
                    .orElseThrow(() -> new NotFound("subnet " + spec.subnetId() + " does not exist"));
            SubnetWrites.lockSpace(h, s.spaceId());
            LockedSubnet ls = LockedSubnet.lock(h, s.id());
            if (s.container()) {
                throw new AllocationInContainer("subnet " + s.prefix() + " is a container; ranges belong to leaf subnets");
            }
            if (!s.prefix().range().contains(r)) {
                throw new RangeOutsideSubnet("range " + r + " is not inside subnet " + s.prefix());
            }
            for (IpRange o : ls.layout().ranges()) {
                if (o.range().overlaps(r)) {
                    throw new OverlappingRange("range " + r + " overlaps range " + o.range() + " (id " + o.id() + ") of " + s.prefix());
                }
            }
            long inside = h.createQuery("SELECT COUNT(*) FROM allocation WHERE space_id = :sp AND address >= :a AND address <= :b")
                    .bind("sp", s.spaceId()).bind("a", start.toBytes()).bind("b", end.toBytes()).mapTo(Long.class).one();
            if (inside > 0) {
                throw new SubnetNotEmpty("range " + r + " covers " + inside + " live allocation(s); ranges are created on free"
                        + " address space");
            }
            long id = h.createUpdate("INSERT INTO ip_range (subnet_id, start_address, end_address, purpose, owner, description,"
                            + " created_by, created_at) VALUES (:s, :a, :b, :p, :o, :d, :by, :at)")
                    .bind("s", s.id()).bind("a", start.toBytes()).bind("b", end.toBytes()).bind("p", spec.purpose().label())
                    .bind("o", spec.owner()).bind("d", spec.description()).bind("by", principal).bind("at", Rows.ts(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            IpRange created = new IpRange(id, s.id(), r, spec.purpose(), spec.owner(), spec.description(), principal, now);
            // Move the range's part of the "outside every range" extents into the range's own pool (or drop it).
            for (FreeExtent e : FreeExtents.overlapping(h, s.id(), SubnetLayout.NO_RANGE, r)) {
                FreeExtents.delete(h, e.id());
                AddressRange er = e.range();
                if (er.start().isBefore(start)) {
                    FreeExtents.insert(h, s.id(), SubnetLayout.NO_RANGE, new AddressRange(er.start(), start.previous()));
                }
                if (er.end().isAfter(end)) {
                    FreeExtents.insert(h, s.id(), SubnetLayout.NO_RANGE, new AddressRange(end.next(), er.end()));
                }
                if (spec.purpose() != RangePurpose.RESERVED) {
                    FreeExtents.insert(h, s.id(), id, new AddressRange(IpAddress.max(er.start(), start), IpAddress.min(er.end(), end)));
                }
            }
            RangeCache.bump(h, s.id());
            AuditLog.record(h, now, principal, "range.create", "ip_range", id, s.spaceId(), null, created);
            return created;
        });
    }

    /**
     * Changes a range's purpose, owner, description, start or end. The new span must stay inside the subnet, overlap no
     * other range and keep every live allocation of the range inside it; addresses it newly covers must hold no
     * allocation (as for a new range). A range with live allocations cannot become {@code reserved}. Free space moves
     * between the range and the rest of the subnet accordingly. Audited; on bad input nothing is written.
     */
    public IpRange update(String principal, long rangeId, RangePatch patch) {
        return update(principal, rangeId, patch, r -> { });
    }

    /**
     * As {@link #update(String, long, RangePatch)}; {@code precondition} sees the range as it is under the subnet lock
     * and may throw to refuse the change (an HTTP {@code If-Match}), before anything is written.
     */
    public IpRange update(String principal, long rangeId, RangePatch patch, Consumer<IpRange> precondition) {
        if (patch == null) {
            throw new InvalidRequest("a range update needs a patch (RangePatch.none() changes nothing)");
        }
        if (principal == null || principal.isBlank()) {
            throw new InvalidRequest("every change needs a principal (who is asking)");
        }
        if ((patch.start() == null) != (patch.end() == null)) {
            throw new InvalidRequest("give both start and end to move a range, or neither");
        }
        checkOwner(patch.owner() == null ? null : patch.owner().orElse(null));
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            IpRange unlocked = find(h, rangeId);
            Subnet s = SubnetWrites.find(h, unlocked.subnetId()).orElseThrow();
            SubnetWrites.lockSpace(h, s.spaceId());
            LockedSubnet ls = LockedSubnet.lock(h, s.id());
            // read again under the lock: a concurrent update may have committed in between
            IpRange old = find(h, rangeId);
            precondition.accept(old);
            AddressRange span = patch.start() == null ? old.range() : span(patch.start(), patch.end());
            RangePurpose purpose = patch.purpose() == null ? old.purpose() : patch.purpose();
            IpRange updated = new IpRange(old.id(), old.subnetId(), span, purpose,
                    patch.owner() == null ? old.owner() : patch.owner().orElse(null),
                    patch.description() == null ? old.description() : patch.description().orElse(null),
                    old.createdBy(), old.createdAt());
            RangeMove move = new RangeMove(h, ls, old, updated);
            move.check();
            // every check is done: write
            h.createUpdate("UPDATE ip_range SET start_address = :a, end_address = :b, purpose = :p, owner = :o,"
                            + " description = :d WHERE id = :id")
                    .bind("a", span.start().toBytes()).bind("b", span.end().toBytes()).bind("p", purpose.label())
                    .bind("o", updated.owner()).bind("d", updated.description()).bind("id", rangeId).execute();
            move.apply();
            RangeCache.bump(h, s.id());
            AuditLog.record(h, now, principal, "range.update", "ip_range", rangeId, s.spaceId(), old, updated);
            return updated;
        });
    }

    private static AddressRange span(String startText, String endText) {
        IpAddress start = IpAddress.parse(startText.trim());
        IpAddress end = IpAddress.parse(endText.trim());
        if (start.version() != end.version() || start.isAfter(end)) {
            throw new RangeOutsideSubnet("range " + start + "-" + end + " is not a range: start must not be after end,"
                    + " and both must be the same IP version");
        }
        return new AddressRange(start, end);
    }

    private static void checkOwner(String owner) {
        if (owner != null && (owner.isBlank() || owner.length() > 200)) {
            throw new InvalidRequest("owner must be 1..200 characters");
        }
    }

    /** Deletes a range without live allocations; its addresses return to the subnet's outside-range pool. */
    public void delete(String principal, long rangeId) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            IpRange r = find(h, rangeId);
            Subnet s = SubnetWrites.find(h, r.subnetId()).orElseThrow();
            SubnetWrites.lockSpace(h, s.spaceId());
            LockedSubnet ls = LockedSubnet.lock(h, s.id());
            if (ls.live(h, rangeId) > 0) {
                throw new SubnetNotEmpty("range " + r.range() + " (id " + rangeId + ") still holds " + ls.live(h, rangeId)
                        + " live allocation(s)");
            }
            h.createUpdate("DELETE FROM free_extent WHERE subnet_id = :s AND range_id = :r").bind("s", s.id()).bind("r", rangeId).execute();
            h.createUpdate("DELETE FROM ip_range WHERE id = :id").bind("id", rangeId).execute();
            RangeCache.bump(h, s.id());
            for (AddressRange seg : ls.layout().allocatableSegments(r.range())) {
                FreeExtents.addFree(h, s.id(), SubnetLayout.NO_RANGE, seg);
            }
            AuditLog.record(h, now, principal, "range.delete", "ip_range", rangeId, s.spaceId(), r, null);
        });
    }

    private static IpRange find(Handle h, long id) {
        return h.createQuery("SELECT " + Rows.RANGE_COLUMNS + " FROM ip_range WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> Rows.range(rs)).findOne().orElseThrow(() -> new NotFound("range " + id + " does not exist"));
    }

    public IpRange get(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public List<IpRange> list(long subnetId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.RANGE_COLUMNS + " FROM ip_range WHERE subnet_id = :s ORDER BY start_address")
                .bind("s", subnetId).map((rs, ctx) -> Rows.range(rs)).list());
    }

    public Utilization utilization(long rangeId) {
        return jdbi.inTransaction(h -> {
            IpRange r = find(h, rangeId);
            return Utilizations.of(h, SubnetWrites.find(h, r.subnetId()).orElseThrow(), r);
        });
    }
}
