package io.ipkeeper.server.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.server.api.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code agent} table: one row per reporting agent, upserted by every report. */
public final class AgentStore {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final String COLUMNS = "id, name, space_id, hostname, version, inventory, arp_watch,"
            + " report_interval_seconds, first_report_at, last_report_at";

    /** A stored agent. {@code interfaces} is the last inventory as reported. */
    public record StoredAgent(long id, String name, long spaceId, String hostname, String version, boolean arpWatch,
                              int reportIntervalSeconds, Instant firstReportAt, Instant lastReportAt,
                              List<Map<String, Object>> interfaces) {}

    private final Database database;

    public AgentStore(Database database) {
        this.database = database;
    }

    /** Records the report's host facts for agent {@code name} and returns the agent's id. */
    long upsert(Handle h, String name, ReportedHost host, Instant now) {
        String inventory = json(host.interfaces().stream().map(i -> Map.of(
                "name", i.name(), "mac", i.mac(), "watched", i.watched(),
                "addresses", i.addresses().stream().map(ReportedHost.HostAddress::toString).toList())).toList());
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (database.kind() == Database.Kind.POSTGRESQL) {
            // one round trip instead of MERGE + SELECT: every report pays it
            return h.createQuery("INSERT INTO agent (name, space_id, hostname, version, inventory, arp_watch,"
                            + " report_interval_seconds, first_report_at, last_report_at)"
                            + " VALUES (:name, :space, :hostname, :version, :inventory, :arp, :interval, :at, :at)"
                            + " ON CONFLICT (name) DO UPDATE SET space_id = excluded.space_id, hostname = excluded.hostname,"
                            + " version = excluded.version, inventory = excluded.inventory, arp_watch = excluded.arp_watch,"
                            + " report_interval_seconds = excluded.report_interval_seconds,"
                            + " last_report_at = excluded.last_report_at RETURNING id")
                    .bind("name", name).bind("space", host.spaceId()).bind("hostname", host.hostname())
                    .bind("version", host.version()).bind("inventory", inventory).bind("arp", host.arpWatch())
                    .bind("interval", host.reportIntervalSeconds()).bind("at", at)
                    .mapTo(Long.class).one();
        }
        h.createUpdate("MERGE INTO agent a USING (VALUES (CAST(:name AS VARCHAR(100)))) AS s(name) ON a.name = s.name"
                        + " WHEN MATCHED THEN UPDATE SET space_id = :space, hostname = :hostname, version = :version,"
                        + " inventory = :inventory, arp_watch = :arp, report_interval_seconds = :interval, last_report_at = :at"
                        + " WHEN NOT MATCHED THEN INSERT (name, space_id, hostname, version, inventory, arp_watch,"
                        + " report_interval_seconds, first_report_at, last_report_at)"
                        + " VALUES (s.name, :space, :hostname, :version, :inventory, :arp, :interval, :at, :at)")
                .bind("name", name).bind("space", host.spaceId()).bind("hostname", host.hostname())
                .bind("version", host.version()).bind("inventory", inventory).bind("arp", host.arpWatch())
                .bind("interval", host.reportIntervalSeconds()).bind("at", at)
                .execute();
        return h.createQuery("SELECT id FROM agent WHERE name = :name").bind("name", name).mapTo(Long.class).one();
    }

    public List<StoredAgent> list() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM agent ORDER BY name")
                .map((rs, c) -> read(rs)).list());
    }

    public Optional<StoredAgent> find(String name) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM agent WHERE name = :n")
                .bind("n", name).map((rs, c) -> read(rs)).findOne());
    }

    private static StoredAgent read(ResultSet rs) throws SQLException {
        List<Map<String, Object>> interfaces;
        try {
            interfaces = MAPPER.readValue(rs.getString("inventory"), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent " + rs.getString("name") + ": stored inventory is not JSON", e);
        }
        return new StoredAgent(rs.getLong("id"), rs.getString("name"), rs.getLong("space_id"), rs.getString("hostname"),
                rs.getString("version"), rs.getBoolean("arp_watch"), rs.getInt("report_interval_seconds"),
                instant(rs, "first_report_at"), instant(rs, "last_report_at"), interfaces);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String json(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
