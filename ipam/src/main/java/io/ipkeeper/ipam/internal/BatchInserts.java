package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.db.DatabaseException;
import io.ipkeeper.ipam.model.Allocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The two inserts every allocation makes, as plain JDBC batches on the transaction's connection. They run once per
 * combined batch with up to thousands of rows, where JDBI's per-argument machinery cost more CPU than the database
 * spent on the rows. Same SQL as elsewhere (parameters only, generated keys from the driver); errors are wrapped
 * with their {@link SQLException} as the cause, so unique violations and transient errors are still recognised.
 */
final class BatchInserts {

    private static final String ALLOCATION = "INSERT INTO allocation (space_id, subnet_id, range_id, address, state, owner,"
            + " hostname, mac, purpose, description, expires_at, idempotency_key, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String AUDIT = "INSERT INTO audit_event (occurred_at, principal, action, object_type, object_id,"
            + " space_id, before_json, after_json, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One audit event about an allocation. */
    record Audit(Instant at, String principal, String requestId, String action, Allocation before, Allocation after) {}

    private BatchInserts() {}

    /** Inserts the rows (id ignored) and returns their generated ids, in order. */
    static List<Long> allocations(Handle h, List<Allocation> rows) {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement(ALLOCATION, new String[] {"id"})) {
            for (Allocation a : rows) {
                ps.setLong(1, a.spaceId());
                ps.setLong(2, a.subnetId());
                setLong(ps, 3, a.rangeId());
                ps.setBytes(4, a.address().toBytes());
                ps.setString(5, a.state().label());
                setString(ps, 6, a.owner());
                setString(ps, 7, a.hostname());
                setString(ps, 8, a.mac());
                setString(ps, 9, a.purpose());
                setString(ps, 10, a.description());
                ps.setTimestamp(11, Rows.ts(a.expiresAt()));
                setString(ps, 12, a.idempotencyKey());
                ps.setString(13, a.createdBy());
                ps.setTimestamp(14, Rows.ts(a.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
            List<Long> ids = new ArrayList<>(rows.size());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new DatabaseException("inserting " + rows.size() + " allocation(s) failed: " + e.getMessage(), e);
        }
    }

    static void audits(Handle h, List<Audit> events) {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement(AUDIT)) {
            for (Audit a : events) {
                ps.setTimestamp(1, Rows.ts(a.at()));
                ps.setString(2, a.principal());
                ps.setString(3, a.action());
                ps.setString(4, "allocation");
                ps.setLong(5, a.after().id());
                ps.setLong(6, a.after().spaceId());
                setString(ps, 7, AllocationJson.write(a.before()));
                ps.setString(8, AllocationJson.write(a.after()));
                setString(ps, 9, a.requestId());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DatabaseException("inserting " + events.size() + " audit event(s) failed: " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }
}
