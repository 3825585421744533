package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether allocations in an address space are probed before they are confirmed (table {@code space_probe_setting};
 * on unless an admin switched it off). Changes are audited as {@code space.probe-setting}. {@link #version()} moves
 * on every change this process makes, so the {@link ProbeVetter} applies it at the next allocation; a change made
 * through another server reaches this one within the vetter's coverage refresh (1 s).
 */
public final class SpaceProbeSettings {
    private final Jdbi jdbi;
    private final InstantSource clock;
    private final AtomicLong version = new AtomicLong();

    public SpaceProbeSettings(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Whether space {@code spaceId} probes before allocating (true when nobody chose). */
    public boolean enabled(long spaceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT probe_before_allocate FROM space_probe_setting WHERE space_id = :s")
                .bind("s", spaceId).mapTo(Boolean.class).findOne().orElse(true));
    }

    /** The spaces where probing is switched off (one query for a whole list of spaces). */
    public Set<Long> disabled() {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery(
                "SELECT space_id FROM space_probe_setting WHERE probe_before_allocate = FALSE").mapTo(Long.class).list()));
    }

    /**
     * Sets the switch of space {@code spaceId}. {@code precondition} sees the current value with the space row locked
     * (for If-Match) and may throw to change nothing.
     */
    public void set(String actor, long spaceId, boolean on, Consumer<Boolean> precondition) {
        jdbi.useTransaction(h -> {
            // the space row's lock orders this against renames and deletes of the space (and other switches)
            if (h.createQuery("SELECT id FROM address_space WHERE id = :s FOR UPDATE").bind("s", spaceId)
                    .mapTo(Long.class).findOne().isEmpty()) {
                throw new NotFound("no address space has the id " + spaceId);
            }
            boolean before = h.createQuery("SELECT probe_before_allocate FROM space_probe_setting WHERE space_id = :s")
                    .bind("s", spaceId).mapTo(Boolean.class).findOne().orElse(true);
            precondition.accept(before);
            h.createUpdate("MERGE INTO space_probe_setting t USING (VALUES (CAST(:s AS BIGINT), CAST(:on AS BOOLEAN)))"
                            + " AS v(space_id, probe_before_allocate) ON t.space_id = v.space_id"
                            + " WHEN MATCHED THEN UPDATE SET probe_before_allocate = v.probe_before_allocate"
                            + " WHEN NOT MATCHED THEN INSERT (space_id, probe_before_allocate)"
                            + " VALUES (v.space_id, v.probe_before_allocate)")
                    .bind("s", spaceId).bind("on", on).execute();
            AuditLog.record(h, clock.instant(), actor, "space.probe-setting", "address_space", spaceId, spaceId,
                    Map.of("probeBeforeAllocate", before), Map.of("probeBeforeAllocate", on));
        });
        version.incrementAndGet();
    }

    /** Moves whenever this process changed a setting. */
    long version() {
        return version.get();
    }
}
