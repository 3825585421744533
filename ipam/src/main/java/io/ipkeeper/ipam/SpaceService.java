package io.ipkeeper.ipam;

import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.model.AddressSpace;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Address spaces (VRF-like uniqueness boundaries). */
public final class SpaceService {

    private final Jdbi jdbi;
    private final InstantSource clock;

    SpaceService(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public AddressSpace create(String principal, String name, String description) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequest("a space needs a name of 1 to 200 characters");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM address_space WHERE name = :n").bind("n", name)
                    .mapTo(Long.class).one() > 0;
            if (exists) {
                throw new InvalidRequest("an address space named '" + name + "' already exists");
            }
            long id = h.createUpdate("INSERT INTO address_space (name, description, created_by, created_at) VALUES (:n, :d, :p, :t)")
                    .bind("n", name).bind("d", description).bind("p", principal).bind("t", Rows.ts(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            AddressSpace s = new AddressSpace(id, name, description, principal, now);
            AuditLog.record(h, now, principal, "space.create", "address_space", id, id, null, s);
            return s;
        });
    }

    public AddressSpace get(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM address_space WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new AddressSpace(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        rs.getString("created_by"), Rows.instant(rs, "created_at")))
                .findOne().orElseThrow(() -> new NotFound("address space " + id + " does not exist")));
    }

    public List<AddressSpace> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM address_space ORDER BY id")
                .map((rs, ctx) -> new AddressSpace(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        rs.getString("created_by"), Rows.instant(rs, "created_at")))
                .list());
    }
}
