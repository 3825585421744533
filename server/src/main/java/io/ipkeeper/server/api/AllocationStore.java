package io.ipkeeper.server.api;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What the API needs of allocations beyond the ipam {@code Allocator}: search, attribute updates (hostname, MAC,
 * description, reservation expiry) and bulk hostnames. None of these touch which addresses are allocated, so they run
 * outside the allocator's per-subnet combiner, under a row lock on the allocation. They move into the ipam module once
 * it offers an update method.
 */
public final class AllocationStore {
    private final Database database;
    private final InstantSource clock;

    public AllocationStore(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Search filters; null means "any". */
    public record Filter(Long space, Long subnet, Long range, String address, String hostname, String mac, String owner,
                         String state) {}

    public record Page(long count, List<Allocation> results) {}

    public Page search(Filter f, int limit, long offset) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        condition(where, binds, "space_id = :space", "space", f.space());
        condition(where, binds, "subnet_id = :subnet", "subnet", f.subnet());
        condition(where, binds, "range_id = :range", "range", f.range());
        if (f.address() != null) {
            try {
                condition(where, binds, "address = :address", "address", IpAddress.parse(f.address().strip()).toBytes());
            } catch (MalformedAddress e) {
                throw ApiProblem.badRequest("query parameter 'address' must be an IP address: " + e.getMessage());
            }
        }
        condition(where, binds, "LOWER(hostname) = :hostname", "hostname", lower(f.hostname()));
        condition(where, binds, "LOWER(mac) = :mac", "mac", lower(f.mac()));
        condition(where, binds, "owner = :owner", "owner", f.owner());
        if (f.state() != null) {
            try {
                condition(where, binds, "state = :state", "state", AllocationState.ofLabel(f.state().strip()).label());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("query parameter 'state' must be allocated, reserved or quarantined");
            }
        }
        return database.jdbi().withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM allocation" + where);
            binds.forEach(count::bind);
            long n = count.mapTo(Long.class).one();
            Query page = h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation" + where
                    + " ORDER BY id LIMIT :limit OFFSET :offset");
            binds.forEach(page::bind);
            List<Allocation> rows = page.bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> Rows.allocation(rs)).list();
            return new Page(n, rows);
        });
    }

    private static void condition(StringBuilder where, Map<String, Object> binds, String sql, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            binds.put(name, value);
        }
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    /** A PATCH: only the fields present are changed; {@code null} values clear a field. */
    public record Changes(boolean setHostname, String hostname, boolean setMac, String mac, boolean setDescription,
                          String description, boolean setExpiresAt, Instant expiresAt) {}

    /**
     * Applies {@code changes} if the row still has {@code ifMatch} (when given); 412 otherwise. The row lock makes the
     * compare and the write one step, so of two clients that read the same version only the first wins.
     */
    public Allocation update(String actor, long id, String ifMatch, Changes c) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            Allocation before = lockRow(h, id);
            String etag = ETags.of(before);
            if (ifMatch != null && !ETags.matches(ifMatch, etag)) {
                throw ApiProblem.of(412, "precondition-failed", "Precondition failed", "allocation " + id
                        + " changed since you read it (If-Match " + ifMatch.strip() + ", now " + etag
                        + "); GET it again, reapply your change and retry", Map.of("currentEtag", etag));
            }
            if (before.state() == AllocationState.QUARANTINED) {
                throw ApiProblem.of(409, "allocation-released", "Allocation released", "allocation " + id + " ("
                        + before.address() + ") was released and is in quarantine; allocate the address again instead",
                        Map.of());
            }
            checkLength("hostname", c.hostname(), 255);
            checkLength("mac", c.mac(), 32);
            if (c.setExpiresAt()) {
                if (before.state() != AllocationState.RESERVED) {
                    throw new InvalidRequest("only reservations (allocations made with expiresIn) expire; allocation "
                            + id + " is " + before.state().label());
                }
                if (c.expiresAt() == null || !c.expiresAt().isAfter(now)) {
                    throw new InvalidRequest("'expiresAt' must be a time in the future, e.g. \"" + now.plusSeconds(3600) + "\"");
                }
            }
            h.createUpdate("UPDATE allocation SET hostname = :h, mac = :m, description = :d, expires_at = :e WHERE id = :id")
                    .bind("h", c.setHostname() ? c.hostname() : before.hostname())
                    .bind("m", c.setMac() ? c.mac() : before.mac())
                    .bind("d", c.setDescription() ? c.description() : before.description())
                    .bind("e", Rows.ts(c.setExpiresAt() ? c.expiresAt() : before.expiresAt()))
                    .bind("id", id).execute();
            Allocation after = find(h, id);
            AuditLog.record(h, now, actor, "allocation.update", "allocation", id, before.spaceId(), before, after);
            return after;
        });
    }

    private static void checkLength(String what, String v, int max) {
        if (v != null && (v.isEmpty() || v.length() > max)) {
            throw new InvalidRequest("'" + what + "' must be 1.." + max + " characters (or null to clear it)");
        }
    }

    /**
     * Replaces {@code {n}} in the hostnames of a bulk allocation with 1, 2, ... in address order. Conditional on the
     * hostname still being the template, so a replayed (idempotent) request changes nothing and reads the same names.
     */
    public List<Allocation> numberHostnames(String actor, List<Allocation> allocations, String template) {
        List<Allocation> sorted = new ArrayList<>(allocations);
        sorted.sort((a, b) -> a.address().compareTo(b.address()));
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            List<Allocation> out = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                Allocation a = sorted.get(i);
                int changed = h.createUpdate("UPDATE allocation SET hostname = :h WHERE id = :id AND hostname = :t")
                        .bind("h", template.replace("{n}", String.valueOf(i + 1))).bind("id", a.id()).bind("t", template)
                        .execute();
                Allocation after = find(h, a.id());
                if (changed > 0) {
                    AuditLog.record(h, now, actor, "allocation.update", "allocation", a.id(), a.spaceId(), a, after);
                }
                out.add(after);
            }
            return out;
        });
    }

    private static Allocation lockRow(Handle h, long id) {
        return h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> Rows.allocation(rs)).findOne()
                .orElseThrow(() -> new NotFound("allocation " + id + " does not exist (or was freed)"));
    }

    private static Allocation find(Handle h, long id) {
        return h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.allocation(rs)).findOne()
                .orElseThrow(() -> new NotFound("allocation " + id + " does not exist (or was freed)"));
    }
}
