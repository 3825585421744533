package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The per-row UPDATEs and DELETEs of a combined batch (counters of every subnet and range it served, the trimmed heads
 * and used-up extents of the free-space index), each as <b>one</b> statement however many rows it touches. A JDBC batch
 * of single-row UPDATEs costs one round trip too, but the database still runs one statement per row (bind, executor
 * start-up, plan), and with one request per subnet (many quiet subnets sharing a batch) that per-statement work was
 * paid twice per allocation.
 *
 * <p>PostgreSQL joins the target with a {@code VALUES} list ({@code UPDATE … FROM (VALUES …)}); H2 has no
 * {@code UPDATE … FROM}, so it gets the same join as a {@code MERGE … USING (VALUES …) … WHEN MATCHED THEN UPDATE}.
 * The statement text depends only on the number of rows, so each size is parsed and planned once per connection.
 * Every statement must touch exactly the rows it names: a missing row means the caller's view of the database is
 * wrong, and the transaction fails rather than commit counters that no longer add up.
 */
final class BulkUpdates {

    /** The SQL forms differ only in how the join is spelled. */
    enum Dialect {
        POSTGRESQL, H2;

        static Dialect of(Connection c) throws SQLException {
            return c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2") ? H2 : POSTGRESQL;
        }
    }

    /** Rows per statement: far below either database's parameter limit, far above a normal batch. */
    static final int CHUNK = 1000;

    private BulkUpdates() {}

    /**
     * Adds {@code {id, allocated, reserved, quarantined}} deltas to the live counters of {@code table}
     * ({@code subnet} or {@code ip_range}; never caller input).
     */
    static void addCounts(Handle h, String table, List<long[]> rows) {
        if (!table.equals("subnet") && !table.equals("ip_range")) {
            throw new IllegalArgumentException("no counters in table " + table);
        }
        String set = "allocated_count = t.allocated_count + v.a, reserved_count = t.reserved_count + v.r,"
                + " quarantined_count = t.quarantined_count + v.q";
        run(h, rows, "counters of " + table, (d, n) -> join(d, table, values(n, "CAST(? AS BIGINT)", "CAST(? AS BIGINT)",
                "CAST(? AS BIGINT)", "CAST(? AS BIGINT)"), "v(id, a, r, q)", set), (ps, i, r) -> {
                    ps.setLong(i, r[0]);
                    ps.setLong(i + 1, r[1]);
                    ps.setLong(i + 2, r[2]);
                    ps.setLong(i + 3, r[3]);
                    return i + 4;
                });
    }

    /** Moves the start of each extent to its first still-free address (the rest of the row is unchanged). */
    static void trimStarts(Handle h, List<FreeExtent> trims) {
        run(h, trims, "free extents", (d, n) -> join(d, "free_extent", values(n, "CAST(? AS BIGINT)", "CAST(? AS BYTEA)"),
                "v(id, s)", "start_address = v.s"), (ps, i, e) -> {
                    ps.setLong(i, e.id());
                    ps.setBytes(i + 1, e.range().start().toBytes());
                    return i + 2;
                });
    }

    /** Deletes used-up extents by id. */
    static void deleteExtents(Handle h, List<Long> ids) {
        run(h, ids, "used-up free extents", (d, n) -> "DELETE FROM free_extent WHERE id IN (" + "?, ".repeat(n - 1) + "?)",
                (ps, i, id) -> {
                    ps.setLong(i, id);
                    return i + 1;
                });
    }

    /** The UPDATE of {@code table} joined on {@code id} with a VALUES list, in the dialect's spelling. */
    static String join(Dialect d, String table, String values, String alias, String set) {
        return switch (d) {
            case POSTGRESQL -> "UPDATE " + table + " AS t SET " + set + " FROM (" + values + ") AS " + alias + " WHERE t.id = v.id";
            case H2 -> "MERGE INTO " + table + " AS t USING (" + values + ") AS " + alias
                    + " ON t.id = v.id WHEN MATCHED THEN UPDATE SET " + set;
        };
    }

    /** {@code VALUES (c1, c2, …), …} with {@code n} rows; the first row's casts type the columns on both databases. */
    static String values(int n, String... columns) {
        String row = "(" + String.join(", ", columns) + ")";
        StringBuilder sb = new StringBuilder(16 + n * (row.length() + 2)).append("VALUES ").append(row);
        for (int i = 1; i < n; i++) {
            sb.append(", ").append(row);
        }
        return sb.toString();
    }

    @FunctionalInterface
    private interface Sql {
        String of(Dialect d, int rows);
    }

    @FunctionalInterface
    private interface Binder<T> {
        /** Binds one row from parameter {@code i}; returns the next parameter index. */
        int bind(PreparedStatement ps, int i, T row) throws SQLException;
    }

    private static <T> void run(Handle h, List<T> rows, String what, Sql sql, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = h.getConnection();
        try {
            Dialect d = Dialect.of(c);
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                try (PreparedStatement ps = c.prepareStatement(sql.of(d, chunk.size()))) {
                    int i = 1;
                    for (T r : chunk) {
                        i = binder.bind(ps, i, r);
                    }
                    int n = ps.executeUpdate();
                    if (n != chunk.size()) {
                        throw new IllegalStateException("writing " + what + ": " + chunk.size() + " row(s) named, "
                                + n + " found");
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("writing " + rows.size() + " " + what + " failed: " + e.getMessage(), e);
        }
    }
}
