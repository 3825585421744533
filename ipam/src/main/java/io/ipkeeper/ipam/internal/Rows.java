package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Row mapping shared by the stores; times travel as java.sql.Timestamp (an instant on both databases). */
public final class Rows {

    public static final String ALLOCATION_COLUMNS = "id, space_id, subnet_id, range_id, address, state, owner, hostname, mac,"
            + " purpose, description, expires_at, released_at, quarantine_until, idempotency_key, created_by, created_at";
    public static final String SUBNET_COLUMNS = "id, space_id, parent_id, prefix, is_container, gateway, vlan, dns_servers,"
            + " description, utilization_threshold, created_by, created_at";
    public static final String RANGE_COLUMNS = "id, subnet_id, start_address, end_address, purpose, owner, description,"
            + " created_by, created_at";

    private Rows() {}

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    public static IpAddress address(ResultSet rs, String col) throws SQLException {
        byte[] b = rs.getBytes(col);
        return b == null ? null : IpAddress.fromBytes(b);
    }

    public static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static Integer nullableInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    public static Allocation allocation(ResultSet rs) throws SQLException {
        return new Allocation(rs.getLong("id"), rs.getLong("space_id"), rs.getLong("subnet_id"), nullableLong(rs, "range_id"),
                address(rs, "address"), AllocationState.ofLabel(rs.getString("state")), rs.getString("owner"),
                rs.getString("hostname"), rs.getString("mac"), rs.getString("purpose"), rs.getString("description"),
                instant(rs, "expires_at"), instant(rs, "released_at"), instant(rs, "quarantine_until"),
                rs.getString("idempotency_key"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    public static Subnet subnet(ResultSet rs) throws SQLException {
        String dns = rs.getString("dns_servers");
        List<IpAddress> dnsList = dns == null || dns.isBlank() ? List.of()
                : Arrays.stream(dns.split(",")).map(IpAddress::parse).toList();
        return new Subnet(rs.getLong("id"), rs.getLong("space_id"), nullableLong(rs, "parent_id"),
                Prefix.parse(rs.getString("prefix")), rs.getBoolean("is_container"), address(rs, "gateway"),
                nullableInt(rs, "vlan"), dnsList, rs.getString("description"), nullableInt(rs, "utilization_threshold"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    public static IpRange range(ResultSet rs) throws SQLException {
        return new IpRange(rs.getLong("id"), rs.getLong("subnet_id"),
                new AddressRange(address(rs, "start_address"), address(rs, "end_address")),
                RangePurpose.ofLabel(rs.getString("purpose")), rs.getString("owner"), rs.getString("description"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    /** True when {@code e} (or a cause) is a unique-constraint violation (SQLState 23505 on both databases). */
    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, java.util.Set.of("23505"));
    }

    /**
     * Whether {@code e}, a cause, or a chained {@link SQLException#getNextException()} (where a JDBC batch failure
     * reports the statement that failed) carries one of {@code states}.
     */
    private static boolean hasState(Throwable e, java.util.Set<String> states) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException x ? x : null; s != null; s = s.getNextException()) {
                if (s.getSQLState() != null && states.contains(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Deadlock, serialization failure or lock timeout: the whole transaction may be retried. */
    public static boolean isTransient(Throwable e) {
        return hasState(e, java.util.Set.of("40001", "40P01", "HYT00", "55P03"));
    }
}
