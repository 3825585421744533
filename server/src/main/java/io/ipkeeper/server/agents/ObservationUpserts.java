package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.net.IpAddress;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a report's coalesced sightings into {@code observation} and says which addresses got a MAC that was not in
 * the conflict window before (a new row, or a row whose evidence had aged out of the window): only those can change
 * what the conflict engine derives from the evidence, so only those are evaluated at once (issue 9 benchmark).
 *
 * <p>PostgreSQL: one statement for the whole report, whatever its size. The sightings travel as arrays and are
 * unnested into one {@code INSERT … ON CONFLICT DO UPDATE}; a CTE reads the rows as they were before it (all parts of
 * a statement see the same snapshot). One fixed SQL text, so the driver prepares it on the server once. H2: a
 * {@code SELECT} in fixed-size {@code IN} chunks, then a JDBC batch of {@code MERGE}s (H2 runs in-process: no round
 * trips to save).
 */
final class ObservationUpserts {
    /** H2's lookup chunk: lists are padded to this size so one parsed statement serves every report. */
    private static final int CHUNK = 64;
    private static final String PG_UPSERT = "WITH s AS (SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]),"
            + " CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]))"
            + " AS u(address_hex, mac, interface_name, source, first_seen, last_seen, seen_count)),"
            + " prev AS (SELECT o.address, o.mac FROM observation o JOIN s ON o.space_id = ?"
            + " AND o.address = decode(s.address_hex, 'hex') AND o.mac = s.mac WHERE o.last_seen >= ?),"
            + " up AS (INSERT INTO observation (space_id, address, mac, agent_id, interface_name, source, first_seen,"
            + " last_seen, seen_count) SELECT ?, decode(s.address_hex, 'hex'), s.mac, ?, s.interface_name, s.source,"
            + " CAST(s.first_seen AS TIMESTAMPTZ), CAST(s.last_seen AS TIMESTAMPTZ), s.seen_count FROM s"
            + " ON CONFLICT (space_id, address, mac) DO UPDATE SET"
            + " first_seen = LEAST(observation.first_seen, excluded.first_seen),"
            + " last_seen = GREATEST(observation.last_seen, excluded.last_seen),"
            + " seen_count = observation.seen_count + excluded.seen_count, agent_id = excluded.agent_id,"
            + " interface_name = excluded.interface_name, source = excluded.source)"
            + " SELECT DISTINCT s.address_hex FROM s WHERE NOT EXISTS (SELECT 1 FROM prev p"
            + " WHERE p.address = decode(s.address_hex, 'hex') AND p.mac = s.mac)";
    private static final String H2_CURRENT = "SELECT address, mac FROM observation WHERE space_id = ? AND last_seen >= ?"
            + " AND address IN (" + "?, ".repeat(CHUNK - 1) + "?)";
    private static final String H2_MERGE = "MERGE INTO observation o USING (VALUES (CAST(? AS BIGINT), CAST(? AS BYTEA),"
            + " CAST(? AS VARCHAR(17)), CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(16)),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BIGINT)))"
            + " AS s(space_id, address, mac, agent_id, interface_name, source, first_seen, last_seen, seen_count)"
            + " ON o.space_id = s.space_id AND o.address = s.address AND o.mac = s.mac"
            + " WHEN MATCHED THEN UPDATE SET first_seen = LEAST(o.first_seen, s.first_seen),"
            + " last_seen = GREATEST(o.last_seen, s.last_seen), seen_count = o.seen_count + s.seen_count,"
            + " agent_id = s.agent_id, interface_name = s.interface_name, source = s.source"
            + " WHEN NOT MATCHED THEN INSERT (space_id, address, mac, agent_id, interface_name, source, first_seen,"
            + " last_seen, seen_count) VALUES (s.space_id, s.address, s.mac, s.agent_id, s.interface_name, s.source,"
            + " s.first_seen, s.last_seen, s.seen_count)";

    private ObservationUpserts() {}

    /**
     * Upserts {@code rows} (coalesced, in key order) and returns the addresses among them that had no row for that
     * MAC seen at or after {@code windowStart}.
     */
    static Set<IpAddress> write(Database.Kind kind, Connection c, long spaceId, long agentId, List<Sighting> rows,
                                Instant windowStart) throws SQLException {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return kind == Database.Kind.POSTGRESQL
                ? postgres(c, spaceId, agentId, rows, windowStart)
                : h2(c, spaceId, agentId, rows, windowStart);
    }

    private static Set<IpAddress> postgres(Connection c, long spaceId, long agentId, List<Sighting> rows,
                                           Instant windowStart) throws SQLException {
        int n = rows.size();
        String[] address = new String[n];
        String[] mac = new String[n];
        String[] iface = new String[n];
        String[] source = new String[n];
        String[] first = new String[n];
        String[] last = new String[n];
        Long[] count = new Long[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            Sighting s = rows.get(i);
            address[i] = hex.formatHex(s.address().toBytes());
            mac[i] = s.mac();
            iface[i] = s.interfaceName();
            source[i] = s.source();
            first[i] = s.firstSeen().toString();
            last[i] = s.lastSeen().toString();
            count[i] = s.count();
        }
        Set<IpAddress> changed = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(PG_UPSERT)) {
            List<Array> arrays = new ArrayList<>();
            int p = 1;
            for (String[] column : List.of(address, mac, iface, source, first, last)) {
                Array a = c.createArrayOf("text", column);
                arrays.add(a);
                ps.setArray(p++, a);
            }
            Array counts = c.createArrayOf("bigint", count);
            arrays.add(counts);
            ps.setArray(p++, counts);
            ps.setLong(p++, spaceId);
            ps.setObject(p++, windowStart.atOffset(ZoneOffset.UTC));
            ps.setLong(p++, spaceId);
            ps.setLong(p, agentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(IpAddress.fromBytes(hex.parseHex(rs.getString(1))));
                }
            }
            for (Array a : arrays) {
                a.free();
            }
        }
        return changed;
    }

    private static Set<IpAddress> h2(Connection c, long spaceId, long agentId, List<Sighting> rows, Instant windowStart)
            throws SQLException {
        Set<Key> current = new HashSet<>();
        List<IpAddress> addresses = rows.stream().map(Sighting::address).distinct().toList();
        try (PreparedStatement ps = c.prepareStatement(H2_CURRENT)) {
            for (int i = 0; i < addresses.size(); i += CHUNK) {
                List<IpAddress> chunk = addresses.subList(i, Math.min(addresses.size(), i + CHUNK));
                ps.setLong(1, spaceId);
                ps.setObject(2, windowStart.atOffset(ZoneOffset.UTC));
                for (int k = 0; k < CHUNK; k++) {
                    // padded with the chunk's last address: the same statement for every chunk
                    ps.setBytes(3 + k, chunk.get(Math.min(k, chunk.size() - 1)).toBytes());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        current.add(new Key(IpAddress.fromBytes(rs.getBytes(1)), rs.getString(2)));
                    }
                }
            }
        }
        Set<IpAddress> changed = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(H2_MERGE)) {
            for (Sighting s : rows) {
                if (!current.contains(new Key(s.address(), s.mac()))) {
                    changed.add(s.address());
                }
                ps.setLong(1, spaceId);
                ps.setBytes(2, s.address().toBytes());
                ps.setString(3, s.mac());
                ps.setLong(4, agentId);
                ps.setString(5, s.interfaceName());
                ps.setString(6, s.source());
                ps.setObject(7, s.firstSeen().atOffset(ZoneOffset.UTC));
                ps.setObject(8, s.lastSeen().atOffset(ZoneOffset.UTC));
                ps.setLong(9, s.count());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return changed;
    }

    private record Key(IpAddress address, String mac) {}
}
