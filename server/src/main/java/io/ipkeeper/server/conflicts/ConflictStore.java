package io.ipkeeper.server.conflicts;

import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.net.IpAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The {@code conflict} table: what the API lists and acknowledges. Rows are reported by the host agents (a later
 * issue writes them through {@link #report}); until then the table stays empty in production.
 */
public final class ConflictStore {
    private static final String COLUMNS = "id, space_id, address, kind, macs, first_seen, last_seen, state,"
            + " acknowledged_by, acknowledged_at";

    /** Optional filters of a listing; null fields match everything. */
    public record Filter(ConflictState state, ConflictKind kind, Long spaceId) {}

    /** One page of a listing and the number of rows matching the filter. */
    public record Page(long count, List<Conflict> results) {}

    private final Jdbi jdbi;
    private final InstantSource clock;

    public ConflictStore(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records a conflict as open, as the engine does but without its checks, audit or webhook (tests and imports);
     * returns it with its id.
     */
    public Conflict report(long spaceId, IpAddress address, ConflictKind kind, List<String> macs, Instant seenAt) {
        List<String> normalized = macs.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).toList();
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO conflict (space_id, address, kind, macs, first_seen,"
                        + " last_seen, state, active_key) VALUES (:s, :a, :k, :m, :t, :t, :st, :key)")
                .bind("key", ConflictEngine.activeKey(new ConflictEngine.Key(spaceId, address), kind))
                .bind("s", spaceId).bind("a", address.toBytes()).bind("k", kind.label())
                .bind("m", normalized.isEmpty() ? null : String.join(",", normalized)).bind("t", Rows.ts(seenAt))
                .bind("st", ConflictState.OPEN.label())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return get(id);
    }

    public Conflict get(long id) {
        return jdbi.withHandle(h -> find(h, id, false));
    }

    public Page list(Filter f, int limit, long offset) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (f.state() != null) {
            where.append(" AND state = :state");
            binds.put("state", f.state().label());
        }
        if (f.kind() != null) {
            where.append(" AND kind = :kind");
            binds.put("kind", f.kind().label());
        }
        if (f.spaceId() != null) {
            where.append(" AND space_id = :space");
            binds.put("space", f.spaceId());
        }
        return jdbi.withHandle(h -> {
            long count = bind(h.createQuery("SELECT COUNT(*) FROM conflict" + where), binds).mapTo(Long.class).one();
            List<Conflict> rows = bind(h.createQuery("SELECT " + COLUMNS + " FROM conflict" + where
                    + " ORDER BY id DESC LIMIT :l OFFSET :o"), binds).bind("l", limit).bind("o", offset)
                    .map((rs, ctx) -> row(rs)).list();
            return new Page(count, rows);
        });
    }

    /**
     * Marks an open conflict as seen by {@code actor} (audited). Acknowledging it again changes nothing; a resolved
     * conflict cannot be acknowledged ({@link ConflictResolvedException}).
     */
    public Conflict acknowledge(String actor, long id) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Conflict before = find(h, id, true);
            if (before.state() == ConflictState.ACKNOWLEDGED) {
                return before;
            }
            if (before.state() == ConflictState.RESOLVED) {
                throw new ConflictResolvedException("conflict " + id + " at " + before.address()
                        + " is resolved (no longer observed); there is nothing to acknowledge");
            }
            h.createUpdate("UPDATE conflict SET state = :st, acknowledged_by = :by, acknowledged_at = :at WHERE id = :id")
                    .bind("st", ConflictState.ACKNOWLEDGED.label()).bind("by", actor).bind("at", Rows.ts(now))
                    .bind("id", id).execute();
            Conflict after = find(h, id, false);
            AuditLog.record(h, now, actor, "conflict.acknowledge", "conflict", id, before.spaceId(), before, after);
            return after;
        });
    }

    /** A conflict inside the caller's transaction (the engine's). */
    Conflict find(Handle h, long id) {
        return find(h, id, false);
    }

    private static Conflict find(Handle h, long id, boolean lock) {
        return h.createQuery("SELECT " + COLUMNS + " FROM conflict WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne()
                .orElseThrow(() -> new NotFound("conflict " + id + " does not exist"));
    }

    private static <S extends SqlStatement<S>> S bind(S s, Map<String, Object> binds) {
        binds.forEach(s::bind);
        return s;
    }

    private static Conflict row(ResultSet rs) throws SQLException {
        String macs = rs.getString("macs");
        return new Conflict(rs.getLong("id"), rs.getLong("space_id"), Rows.address(rs, "address"),
                ConflictKind.of(rs.getString("kind")).orElseThrow(), macs == null ? List.of() : Arrays.asList(macs.split(",")),
                Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen"),
                ConflictState.of(rs.getString("state")).orElseThrow(), rs.getString("acknowledged_by"),
                Rows.instant(rs, "acknowledged_at"));
    }
}
