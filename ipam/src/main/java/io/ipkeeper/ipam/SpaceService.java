package io.ipkeeper.ipam;

import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.model.SpacePatch;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
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
        checkName(name);
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

    /**
     * Renames a space or changes its description. {@code precondition} sees the space as it is under the row lock and
     * may throw to refuse the change (an HTTP {@code If-Match}); nothing is written then. Audited.
     */
    public AddressSpace update(String principal, long id, SpacePatch patch, Consumer<AddressSpace> precondition) {
        if (patch == null) {
            throw new InvalidRequest("a space update needs a patch (SpacePatch.none() changes nothing)");
        }
        if (patch.name() != null) {
            checkName(patch.name());
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            AddressSpace before = lock(h, id);
            precondition.accept(before);
            String name = patch.name() == null ? before.name() : patch.name();
            if (!name.equals(before.name()) && h.createQuery("SELECT COUNT(*) FROM address_space WHERE name = :n")
                    .bind("n", name).mapTo(Long.class).one() > 0) {
                throw new InvalidRequest("an address space named '" + name + "' already exists");
            }
            String description = patch.description() == null ? before.description() : patch.description().orElse(null);
            h.createUpdate("UPDATE address_space SET name = :n, description = :d WHERE id = :id")
                    .bind("n", name).bind("d", description).bind("id", id).execute();
            AddressSpace after = new AddressSpace(id, name, description, before.createdBy(), before.createdAt());
            AuditLog.record(h, now, principal, "space.update", "address_space", id, id, before, after);
            return after;
        });
    }

    /** Deletes a space that holds no subnets (delete those first); audited. */
    public void delete(String principal, long id) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            AddressSpace s = lock(h, id);
            long subnets = h.createQuery("SELECT COUNT(*) FROM subnet WHERE space_id = :id").bind("id", id)
                    .mapTo(Long.class).one();
            if (subnets > 0) {
                throw new SubnetNotEmpty("address space '" + s.name() + "' (id " + id + ") still holds " + subnets
                        + " subnet(s); delete them first");
            }
            h.createUpdate("DELETE FROM address_space WHERE id = :id").bind("id", id).execute();
            AuditLog.record(h, now, principal, "space.delete", "address_space", id, id, s, null);
        });
    }

    private static AddressSpace lock(Handle h, long id) {
        return h.createQuery("SELECT * FROM address_space WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, ctx) -> new AddressSpace(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        rs.getString("created_by"), Rows.instant(rs, "created_at")))
                .findOne().orElseThrow(() -> new NotFound("address space " + id + " does not exist"));
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequest("a space needs a name of 1 to 200 characters");
        }
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
