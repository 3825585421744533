package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.net.IpAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The {@code observation} table: evidence coalesced per (space, address, MAC) to first/last seen and a count. One
 * report is one transaction; its rows are merged in (address, MAC) order so concurrent reports never deadlock.
 */
public final class ObservationStore {
    /** How often a report is retried when a concurrent report inserted the same new row first (H2's MERGE). */
    private static final int ATTEMPTS = 3;

    /** One stored observation. */
    public record StoredObservation(long id, long spaceId, IpAddress address, String mac, String agent,
                                    String interfaceName, String source, Instant firstSeen, Instant lastSeen, long count) {}

    private final Database database;
    private final AgentStore agents;
    private final Duration window;

    /** {@code window}: the conflict window, to tell which sightings bring a MAC that is new to it. */
    public ObservationStore(Database database, AgentStore agents, Duration window) {
        this.database = database;
        this.agents = agents;
        this.window = window;
    }

    /**
     * Records one validated report for agent {@code name}: the agent row and every sighting, atomically. Returns the
     * addresses whose set of MACs in the conflict window this report changed (a MAC not seen there within the
     * window): the only ones whose conflicts can change because of the report. Evidence that only refreshes known
     * MACs, and allocations changed since, are re-derived by the engine's periodic sweep.
     */
    Set<IpAddress> record(String name, ReportedHost host, Instant now) {
        List<Sighting> rows = coalesce(host.sightings());
        for (int attempt = 1; ; attempt++) {
            try {
                return database.jdbi().inTransaction(h -> {
                    long agentId = agents.upsert(h, name, host, now);
                    return merge(h, host.spaceId(), agentId, rows, now.minus(window));
                });
            } catch (RuntimeException e) {
                // PostgreSQL's MERGE is not atomic against a concurrent insert of the same new key: the loser sees a
                // unique violation. Its transaction rolled back whole, so running it again is safe.
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Records that {@code macs} answered an ARP probe for {@code address} (source {@code probe}). */
    void recordProbe(long agentId, long spaceId, IpAddress address, List<String> macs, Instant now) {
        List<Sighting> rows = coalesce(macs.stream().map(m -> new Sighting(address, m, "probe", "probe", 1, now, now)).toList());
        database.jdbi().useTransaction(h -> merge(h, spaceId, agentId, rows, now.minus(window)));
    }

    /**
     * Records what agent {@code agentName} (its name or hostname) broadcast over gossip: {@code macs} heard claiming
     * {@code address} on {@code interfaceName} (source {@code arp}), stamped {@code now} by this server. Only an agent
     * that has reported once is known (its space comes from that report); for any other the broadcast is ignored.
     *
     * @return the space the sightings were recorded in, or empty when the agent is unknown
     */
    public java.util.Optional<Long> recordBroadcast(String agentName, IpAddress address, List<String> macs,
                                                   String interfaceName, Instant now) {
        java.util.Optional<AgentStore.StoredAgent> agent = agents.find(agentName).or(() -> agents.list().stream()
                .filter(a -> agentName.equals(a.hostname())).findFirst());
        if (agent.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Sighting> rows = coalesce(macs.stream()
                .map(m -> new Sighting(address, m, interfaceName, "arp", 1, now, now)).toList());
        database.jdbi().useTransaction(h -> merge(h, agent.get().spaceId(), agent.get().id(), rows, now.minus(window)));
        return java.util.Optional.of(agent.get().spaceId());
    }

    /** Sightings of the same (address, MAC) within one report become one row: a MERGE must not touch a row twice. */
    private static List<Sighting> coalesce(List<Sighting> sightings) {
        Map<Sighting, Sighting> byKey = new TreeMap<>();
        for (Sighting s : sightings) {
            byKey.merge(s, s, (a, b) -> new Sighting(a.address(), a.mac(), b.interfaceName(),
                    b.source().equals("inventory") ? b.source() : a.source(), a.count() + b.count(),
                    a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
                    a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen()));
        }
        return new ArrayList<>(byKey.values());
    }

    private Set<IpAddress> merge(Handle h, long spaceId, long agentId, List<Sighting> rows, Instant windowStart) {
        try {
            return ObservationUpserts.write(database.kind(), h.getConnection(), spaceId, agentId, rows, windowStart);
        } catch (SQLException e) {
            throw new ObservationWriteFailed(e);
        }
    }

    /** A failed MERGE; the cause keeps its SQL state so the caller can tell a lost insert race from a real failure. */
    static final class ObservationWriteFailed extends RuntimeException {
        ObservationWriteFailed(SQLException cause) {
            super("recording observations failed: " + cause.getMessage(), cause);
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

    /** Observations of a space, newest sighting first, optionally of one address or MAC, seen since {@code since}. */
    public List<StoredObservation> find(Long spaceId, IpAddress address, String mac, Instant since, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT o.id, o.space_id, o.address, o.mac, a.name AS agent, o.interface_name,"
                + " o.source, o.first_seen, o.last_seen, o.seen_count FROM observation o JOIN agent a ON a.id = o.agent_id"
                + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filters(sql, args, spaceId, address, mac, since);
        sql.append(" ORDER BY o.last_seen DESC, o.id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return database.jdbi().withHandle(h -> {
            var q = h.createQuery(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                q.bind(i, args.get(i));
            }
            return q.map((rs, ctx) -> new StoredObservation(rs.getLong("id"), rs.getLong("space_id"),
                    IpAddress.fromBytes(rs.getBytes("address")), rs.getString("mac"), rs.getString("agent"),
                    rs.getString("interface_name"), rs.getString("source"), AgentStore.instant(rs, "first_seen"),
                    AgentStore.instant(rs, "last_seen"), rs.getLong("seen_count"))).list();
        });
    }

    public long count(Long spaceId, IpAddress address, String mac, Instant since) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM observation o WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filters(sql, args, spaceId, address, mac, since);
        return database.jdbi().withHandle(h -> {
            var q = h.createQuery(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                q.bind(i, args.get(i));
            }
            return q.mapTo(Long.class).one();
        });
    }

    private static void filters(StringBuilder sql, List<Object> args, Long spaceId, IpAddress address, String mac,
                                Instant since) {
        if (spaceId != null) {
            sql.append(" AND o.space_id = ?");
            args.add(spaceId);
        }
        if (address != null) {
            sql.append(" AND o.address = ?");
            args.add(address.toBytes());
        }
        if (mac != null) {
            sql.append(" AND o.mac = ?");
            args.add(mac);
        }
        if (since != null) {
            sql.append(" AND o.last_seen >= ?");
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
    }
}
