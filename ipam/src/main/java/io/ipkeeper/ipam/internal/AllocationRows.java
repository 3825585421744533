package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code allocation} and {@code allocation_history} tables. */
public final class AllocationRows {

    private AllocationRows() {}

    public static Optional<Allocation> find(Handle h, long id) {
        return h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.allocation(rs)).findOne();
    }

    public static Optional<Allocation> findByAddress(Handle h, long spaceId, IpAddress a) {
        return h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation WHERE space_id = :s AND address = :a")
                .bind("s", spaceId).bind("a", a.toBytes()).map((rs, ctx) -> Rows.allocation(rs)).findOne();
    }

    /** {@code a} with the id the database generated for it. */
    static Allocation withId(Allocation a, long id) {
        return new Allocation(id, a.spaceId(), a.subnetId(), a.rangeId(), a.address(), a.state(), a.owner(), a.hostname(),
                a.mac(), a.purpose(), a.description(), a.expiresAt(), a.releasedAt(), a.quarantineUntil(),
                a.idempotencyKey(), a.createdBy(), a.createdAt());
    }

    public static void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM allocation WHERE id = :id").bind("id", id).execute();
    }

    public static void quarantine(Handle h, long id, Instant releasedAt, Instant until) {
        h.createUpdate("UPDATE allocation SET state = 'quarantined', released_at = :r, quarantine_until = :u, expires_at = NULL"
                        + " WHERE id = :id")
                .bind("r", Rows.ts(releasedAt)).bind("u", Rows.ts(until)).bind("id", id).execute();
    }

    public static void setState(Handle h, long id, AllocationState state, Instant expiresAt) {
        h.createUpdate("UPDATE allocation SET state = :s, expires_at = :e WHERE id = :id")
                .bind("s", state.label()).bind("e", Rows.ts(expiresAt)).bind("id", id).execute();
    }

    /** Copies a finished allocation into the history table. */
    public static void archive(Handle h, Allocation a, String endReason, String endedBy, Instant endedAt) {
        h.createUpdate("INSERT INTO allocation_history (allocation_id, space_id, subnet_id, range_id, address, final_state,"
                        + " end_reason, owner, hostname, mac, purpose, idempotency_key, created_by, created_at, ended_by, ended_at)"
                        + " VALUES (:aid, :space, :subnet, :range, :addr, :state, :reason, :owner, :host, :mac, :purpose, :key,"
                        + " :by, :at, :eby, :eat)")
                .bind("aid", a.id()).bind("space", a.spaceId()).bind("subnet", a.subnetId()).bind("range", a.rangeId())
                .bind("addr", a.address().toBytes()).bind("state", a.state().label()).bind("reason", endReason)
                .bind("owner", a.owner()).bind("host", a.hostname()).bind("mac", a.mac()).bind("purpose", a.purpose())
                .bind("key", a.idempotencyKey()).bind("by", a.createdBy()).bind("at", Rows.ts(a.createdAt()))
                .bind("eby", endedBy).bind("eat", Rows.ts(endedAt))
                .execute();
    }

    /** Quarantined rows of a pool whose cooldown has ended, longest idle first. */
    public static java.util.List<Allocation> reusable(Handle h, long subnetId, long poolId, Instant now, int limit) {
        String rangeCond = poolId == SubnetLayout.NO_RANGE ? "range_id IS NULL" : "range_id = :p";
        return h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation WHERE subnet_id = :s AND state = 'quarantined'"
                        + " AND " + rangeCond + " AND quarantine_until <= :now ORDER BY released_at, id LIMIT :lim")
                .bind("s", subnetId).bind("p", poolId).bind("now", Rows.ts(now)).bind("lim", limit)
                .map((rs, ctx) -> Rows.allocation(rs)).list();
    }
}
