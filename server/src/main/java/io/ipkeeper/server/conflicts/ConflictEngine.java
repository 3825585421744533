package io.ipkeeper.server.conflicts;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.agents.AgentCoverage;
import io.ipkeeper.server.webhooks.EventType;
import io.ipkeeper.server.webhooks.Webhooks;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives conflicts from observations and allocations, in the database, idempotently: every server may run it at any
 * time (after each agent report for the addresses in it, and in a periodic sweep for everything), and a conflict is
 * opened once however many servers see it, because an open conflict holds a unique {@code active_key}.
 *
 * <p>Each opening and resolution is its own transaction with its audit event and its webhook event (outbox), so
 * subscribers hear of exactly the changes that committed.
 */
public final class ConflictEngine {
    private static final Logger log = LoggerFactory.getLogger(ConflictEngine.class);
    /** The audit actor of the engine's changes. */
    static final String ACTOR = "system:conflict-engine";
    /** Addresses per {@code IN} list; a power of two (see {@link #padded}). */
    private static final int CHUNK = 512;

    /** One address in one space. */
    record Key(long spaceId, IpAddress address) {}

    /** An open or acknowledged conflict as the engine needs it. */
    private record Active(long id, ConflictKind kind, String macs) {}

    private final Database database;
    private final Ipam ipam;
    private final ConflictStore store;
    private final AgentCoverage coverage;
    private final ConflictOptions options;
    private final InstantSource clock;

    public ConflictEngine(Database database, Ipam ipam, ConflictStore store, AgentCoverage coverage,
                          ConflictOptions options, InstantSource clock) {
        this.database = database;
        this.ipam = ipam;
        this.store = store;
        this.coverage = coverage;
        this.options = options;
        this.clock = clock;
    }

    /** Re-derives the conflicts at {@code addresses} of one space (after a report touched them). */
    public void evaluate(long spaceId, Collection<IpAddress> addresses) {
        List<IpAddress> list = List.copyOf(new HashSet<>(addresses));
        for (int i = 0; i < list.size(); i += CHUNK) {
            derive(spaceId, list.subList(i, Math.min(list.size(), i + CHUNK)), clock.instant());
        }
    }

    /**
     * Re-derives everything: conflicts whose evidence aged out are resolved, allocations and releases made since the
     * last report are taken into account, {@code stale} allocations are found, and old observations are deleted.
     */
    public void sweep() {
        Instant now = clock.instant();
        derive(null, null, now);
        sweepStale(now);
        int deleted = database.jdbi().withHandle(h -> h.createUpdate("DELETE FROM observation WHERE last_seen < :cutoff")
                .bind("cutoff", Rows.ts(now.minus(options.observationRetention()))).execute());
        if (deleted > 0) {
            log.info("deleted {} observation(s) older than {}", deleted, options.observationRetention());
        }
    }

    /** {@code spaceId} and {@code addresses} null: everything. */
    private void derive(Long spaceId, List<IpAddress> addresses, Instant now) {
        Instant since = now.minus(options.window());
        Map<Key, Evidence> evidence = new HashMap<>();
        Map<Key, Map<ConflictKind, Active>> active = new HashMap<>();
        database.jdbi().useHandle(h -> {
            scoped(h, "SELECT space_id, address, mac, first_seen, last_seen FROM observation WHERE last_seen >= :since",
                    spaceId, addresses).bind("since", Rows.ts(since)).map((rs, c) -> {
                Key k = new Key(rs.getLong("space_id"), Rows.address(rs, "address"));
                Evidence.Seen seen = new Evidence.Seen(Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen"));
                evidence.merge(k, Evidence.none(null, false).withMac(rs.getString("mac"), seen),
                        (a, b) -> a.withMac(b.macs().firstKey(), b.macs().get(b.macs().firstKey())));
                return k;
            }).list();
            scoped(h, "SELECT id, space_id, address, kind, macs FROM conflict WHERE active_key IS NOT NULL", spaceId,
                    addresses).map((rs, c) -> {
                Key k = new Key(rs.getLong("space_id"), Rows.address(rs, "address"));
                ConflictKind kind = ConflictKind.of(rs.getString("kind")).orElseThrow();
                active.computeIfAbsent(k, x -> new EnumMap<>(ConflictKind.class))
                        .put(kind, new Active(rs.getLong("id"), kind, rs.getString("macs")));
                return k;
            }).list();
        });
        Set<Key> keys = new HashSet<>(evidence.keySet());
        keys.addAll(active.keySet());
        if (keys.isEmpty()) {
            return;
        }
        Map<Key, Evidence.Allocated> allocations = allocations(keys);
        Map<Long, List<Subnet>> leaves = new HashMap<>();
        for (Key k : keys) {
            boolean managed = leaves.computeIfAbsent(k.spaceId(), s -> ipam.subnets().list(s).stream()
                    .filter(x -> !x.container()).toList()).stream().anyMatch(s -> s.prefix().contains(k.address()));
            Evidence found = evidence.getOrDefault(k, Evidence.none(null, false));
            Evidence e = new Evidence(found.macs(), allocations.get(k), managed);
            reconcile(k, e, active.getOrDefault(k, Map.of()), now);
        }
    }

    private void reconcile(Key k, Evidence e, Map<ConflictKind, Active> open, Instant now) {
        Map<ConflictKind, List<String>> want = Derivation.desired(e);
        for (Map.Entry<ConflictKind, List<String>> w : want.entrySet()) {
            String macs = String.join(",", w.getValue());
            Active a = open.get(w.getKey());
            if (a == null) {
                open(k, w.getKey(), macs, e.firstSeen(), e.lastSeen(), now);
            } else if (!macs.equals(a.macs())) {
                refresh(a.id(), macs, e.lastSeen());
            } else {
                touch(a.id(), e.lastSeen());
            }
        }
        for (Active a : open.values()) {
            boolean staleButSeen = a.kind() == ConflictKind.STALE && !e.macs().isEmpty();
            if ((a.kind() != ConflictKind.STALE && !want.containsKey(a.kind())) || staleButSeen) {
                resolve(k, a, now);
            }
        }
    }

    /** Allocated addresses in covered subnets that no agent has seen in use within {@code staleAfter}. */
    private void sweepStale(Instant now) {
        Instant staleBefore = now.minus(options.staleAfter());
        List<Long> covered = coverage.coveredSince(now).entrySet().stream()
                .filter(e -> !e.getValue().isAfter(staleBefore)).map(Map.Entry::getKey).sorted().toList();
        Map<Key, String> stale = new LinkedHashMap<>();
        Map<Key, Active> openStale = new HashMap<>();
        database.jdbi().useHandle(h -> {
            for (int i = 0; i < covered.size(); i += CHUNK) {
                h.createQuery("SELECT a.space_id, a.address, a.mac FROM allocation a WHERE a.state = 'allocated'"
                                + " AND a.created_at <= :before AND a.subnet_id IN (<subnets>) AND NOT EXISTS (SELECT 1"
                                + " FROM observation o WHERE o.space_id = a.space_id AND o.address = a.address"
                                + " AND o.last_seen >= :before)")
                        .bind("before", Rows.ts(staleBefore)).bindList("subnets", covered.subList(i, Math.min(covered.size(), i + CHUNK)))
                        .map((rs, c) -> stale.put(new Key(rs.getLong("space_id"), Rows.address(rs, "address")),
                                rs.getString("mac") == null ? "" : rs.getString("mac"))).list();
            }
            h.createQuery("SELECT id, space_id, address, macs FROM conflict WHERE active_key IS NOT NULL AND kind = 'stale'")
                    .map((rs, c) -> openStale.put(new Key(rs.getLong("space_id"), Rows.address(rs, "address")),
                            new Active(rs.getLong("id"), ConflictKind.STALE, rs.getString("macs")))).list();
        });
        for (Map.Entry<Key, String> s : stale.entrySet()) {
            if (!openStale.containsKey(s.getKey())) {
                open(s.getKey(), ConflictKind.STALE, s.getValue(), staleBefore, staleBefore, now);
            }
        }
        for (Map.Entry<Key, Active> o : openStale.entrySet()) {
            if (!stale.containsKey(o.getKey())) {
                resolve(o.getKey(), o.getValue(), now);
            }
        }
    }

    private Map<Key, Evidence.Allocated> allocations(Set<Key> keys) {
        Map<Long, List<IpAddress>> bySpace = new HashMap<>();
        keys.forEach(k -> bySpace.computeIfAbsent(k.spaceId(), s -> new ArrayList<>()).add(k.address()));
        Map<Key, Evidence.Allocated> out = new HashMap<>();
        database.jdbi().useHandle(h -> {
            for (Map.Entry<Long, List<IpAddress>> e : bySpace.entrySet()) {
                List<IpAddress> all = e.getValue();
                for (int i = 0; i < all.size(); i += CHUNK) {
                    scoped(h, "SELECT space_id, address, mac, state FROM allocation WHERE 1 = 1", e.getKey(),
                            all.subList(i, Math.min(all.size(), i + CHUNK))).map((rs, c) -> out.put(
                            new Key(rs.getLong("space_id"), Rows.address(rs, "address")),
                            new Evidence.Allocated(rs.getString("mac"), rs.getString("state")))).list();
                }
            }
        });
        return out;
    }

    private static Query scoped(Handle h, String sql, Long spaceId, List<IpAddress> addresses) {
        StringBuilder s = new StringBuilder(sql);
        if (spaceId != null) {
            s.append(" AND space_id = :scopeSpace");
        }
        if (addresses != null) {
            s.append(addresses.isEmpty() ? " AND 1 = 0" : " AND address IN (<scopeAddresses>)");
        }
        Query q = h.createQuery(s.toString());
        if (spaceId != null) {
            q.bind("scopeSpace", spaceId);
        }
        if (addresses != null && !addresses.isEmpty()) {
            q.bindList("scopeAddresses", padded(addresses.stream().map(IpAddress::toBytes).toList()));
        }
        return q;
    }

    /**
     * {@code values} padded to the next power of two by repeating the last one, so that reports of any size render
     * one of ten SQL texts: JDBI parses each once and PostgreSQL's driver prepares each on the server.
     */
    static <T> List<T> padded(List<T> values) {
        int size = Integer.highestOneBit(values.size());
        if (size == values.size()) {
            return values;
        }
        List<T> out = new ArrayList<>(size * 2);
        out.addAll(values);
        while (out.size() < size * 2) {
            out.add(values.getLast());
        }
        return out;
    }

    static String activeKey(Key k, ConflictKind kind) {
        return k.spaceId() + "/" + HexFormat.of().formatHex(k.address().toBytes()) + "/" + kind.label();
    }

    private void open(Key k, ConflictKind kind, String macs, Instant first, Instant last, Instant now) {
        try {
            database.jdbi().useTransaction(h -> {
                long id = h.createUpdate("INSERT INTO conflict (space_id, address, kind, macs, first_seen, last_seen,"
                                + " state, active_key) VALUES (:s, :a, :k, :m, :f, :l, 'open', :key)")
                        .bind("s", k.spaceId()).bind("a", k.address().toBytes()).bind("k", kind.label())
                        .bind("m", macs.isEmpty() ? null : macs).bind("f", Rows.ts(first)).bind("l", Rows.ts(last))
                        .bind("key", activeKey(k, kind)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                Conflict c = store.find(h, id);
                AuditLog.record(h, now, ACTOR, "conflict.open", "conflict", id, k.spaceId(), null, c);
                Webhooks.publish(h, EventType.CONFLICT_OPENED, now, ACTOR, ConflictRoutes.view(c));
            });
            log.warn("conflict opened: {} at {} (space {}), MACs {}", kind.label(), k.address(), k.spaceId(),
                    macs.isEmpty() ? "none" : macs);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // another server opened the same conflict a moment ago: nothing to do
        }
    }

    private void refresh(long id, String macs, Instant last) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE conflict SET macs = :m, last_seen = GREATEST(last_seen, :l)"
                + " WHERE id = :id AND active_key IS NOT NULL").bind("m", macs).bind("l", Rows.ts(last)).bind("id", id).execute());
    }

    private void touch(long id, Instant last) {
        if (last != null) {
            database.jdbi().useHandle(h -> h.createUpdate("UPDATE conflict SET last_seen = :l WHERE id = :id"
                    + " AND active_key IS NOT NULL AND last_seen < :l").bind("l", Rows.ts(last)).bind("id", id).execute());
        }
    }

    private void resolve(Key k, Active a, Instant now) {
        boolean resolved = database.jdbi().inTransaction(h -> {
            Conflict before = store.find(h, a.id());
            int n = h.createUpdate("UPDATE conflict SET state = 'resolved', active_key = NULL, resolved_at = :t"
                    + " WHERE id = :id AND active_key IS NOT NULL").bind("t", Rows.ts(now)).bind("id", a.id()).execute();
            if (n == 0) {
                return false; // another server resolved it first
            }
            Conflict after = store.find(h, a.id());
            AuditLog.record(h, now, ACTOR, "conflict.resolve", "conflict", a.id(), k.spaceId(), before, after);
            Webhooks.publish(h, EventType.CONFLICT_RESOLVED, now, ACTOR, ConflictRoutes.view(after));
            return true;
        });
        if (resolved) {
            log.info("conflict resolved: {} at {} (space {})", a.kind().label(), k.address(), k.spaceId());
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
