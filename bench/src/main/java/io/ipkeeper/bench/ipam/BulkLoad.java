package io.ipkeeper.bench.ipam;

import io.ipkeeper.ipam.db.Database;

/**
 * Fills a fresh subnet with N allocations at first+1, first+3, ... and one free extent for every hole between them
 * plus the tail, then sets the counters: the state N single allocations would leave, in seconds instead of hours.
 * PostgreSQL-only SQL ({@code generate_series}, {@code int4send}): a harness, not product code.
 */
enum BulkLoad {
    V4("'\\x0a'::bytea || substring(int4send(CAST(g * 2 + %d AS INT)) from 2 for 3)"),
    V6("'\\x20010db800000001'::bytea || int8send(g * 2 + %d)");

    /** Address of the g-th slot plus an offset (the format's %d). */
    private final String address;

    BulkLoad(String address) {
        this.address = address;
    }

    void load(Database db, long space, long subnet, long n) {
        String taken = address.formatted(1);
        String hole = address.formatted(2);
        db.jdbi().useTransaction(h -> {
            byte[] tail = h.createQuery("SELECT end_address FROM free_extent WHERE subnet_id = :s").bind("s", subnet)
                    .mapTo(byte[].class).one();
            h.execute("DELETE FROM free_extent WHERE subnet_id = ?", subnet);
            h.execute("INSERT INTO allocation (space_id, subnet_id, address, state, hostname, created_by, created_at)"
                    + " SELECT ?, ?, " + taken + ", 'allocated', 'bulk', 'bench', now() FROM generate_series(0, ?) g", space, subnet, n - 1);
            h.execute("INSERT INTO free_extent (subnet_id, range_id, start_address, end_address)"
                    + " SELECT ?, 0, " + hole + ", " + hole + " FROM generate_series(0, ?) g", subnet, n - 2);
            h.execute("INSERT INTO free_extent (subnet_id, range_id, start_address, end_address)"
                    + " SELECT ?, 0, " + hole + ", ? FROM (SELECT CAST(? AS BIGINT) AS g) t", subnet, tail, n - 1);
            h.execute("UPDATE subnet SET allocated_count = ? WHERE id = ?", n, subnet);
        });
        db.jdbi().useHandle(h -> h.execute("ANALYZE"));
    }
}
