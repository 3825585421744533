package io.ipkeeper.server.audit;

import io.ipkeeper.ipam.internal.Rows;
import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes audit events older than the {@link Retention}, oldest first, in small batches of one short transaction
 * each, so that it never holds many row locks or a long transaction. Several servers may sweep at once: a row another
 * server deleted first is simply no longer there, and each batch commits on its own.
 */
public final class AuditSweeper {
    /** Rows per delete statement. */
    static final int BATCH = 500;
    /** Most batches per round; the rest waits for the next round, so one round stays short. */
    static final int MAX_BATCHES = 20;

    private static final String DELETE = "DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event"
            + " WHERE occurred_at < :cutoff ORDER BY occurred_at, id LIMIT " + BATCH + ")";

    private final Jdbi jdbi;
    private final InstantSource clock;
    private final Retention retention;

    public AuditSweeper(Jdbi jdbi, InstantSource clock, Retention retention) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retention = retention;
    }

    /** One round: deletes up to {@code BATCH × MAX_BATCHES} expired events; returns how many it deleted. */
    public int sweep() {
        var cutoff = retention.cutoff(clock.instant());
        if (cutoff.isEmpty()) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = jdbi.withHandle(h -> h.createUpdate(DELETE).bind("cutoff", Rows.ts(cutoff.get())).execute());
            total += n;
            if (n < BATCH) {
                break;
            }
        }
        return total;
    }
}
