package io.ipkeeper.server.auth;

import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@code access_grant} table: which spaces, ranges and owners a user or token acts in. A space may be named by
 * id or name; it is stored by id, so renaming nothing breaks, and deleting the space deletes its grants.
 */
public final class GrantStore {
    private static final int MAX_OWNER = 200;
    private static final String SELECT = "SELECT g.id, g.user_id, u.username, g.token_id, t.name AS token_name,"
            + " g.space_id, g.range_id, g.owner, g.created_by, g.created_at FROM access_grant g"
            + " LEFT JOIN app_user u ON u.id = g.user_id LEFT JOIN api_token t ON t.id = g.token_id";

    private final Jdbi jdbi;
    private final InstantSource clock;

    public GrantStore(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Who a grant is for: exactly one of the two. */
    public record Holder(Long userId, Long tokenId) {
        public static Holder user(long id) {
            return new Holder(id, null);
        }

        public static Holder token(long id) {
            return new Holder(null, id);
        }
    }

    /** List filters; null means any. */
    public record Filter(Long userId, Long tokenId, String scope) {}

    public StoredGrant add(String actor, Holder holder, String scope, String value) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            StoredGrant g = insert(h, actor, now, holder, scope, value);
            AuditLog.record(h, now, actor, "grant.create", "access_grant", g.id(), null, null, g.view());
            return g;
        });
    }

    /** Inserts in the caller's transaction (token creation with grants is one change). */
    StoredGrant insert(Handle h, String actor, Instant now, Holder holder, String scope, String value) {
        if (holder == null || (holder.userId() == null) == (holder.tokenId() == null)) {
            throw new InvalidRequest("a grant is for exactly one user or one token");
        }
        if (holder.userId() != null) {
            UserStore.find(h, holder.userId());
        } else if (h.createQuery("SELECT COUNT(*) FROM api_token WHERE id = :id").bind("id", holder.tokenId())
                .mapTo(Long.class).one() == 0) {
            throw new NotFound("token " + holder.tokenId() + " does not exist");
        }
        if (scope == null) {
            throw new InvalidRequest("'scope' is required: space, range or owner");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidRequest("'value' is required: the space (id or name), range id or owner name");
        }
        String v = value.strip();
        Long spaceId = null;
        Long rangeId = null;
        String owner = null;
        switch (scope) {
            case Grant.SPACE -> spaceId = spaceId(h, v);
            case Grant.RANGE -> rangeId = rangeId(h, v);
            case Grant.OWNER -> {
                if (v.length() > MAX_OWNER) {
                    throw new InvalidRequest("an owner name is at most " + MAX_OWNER + " characters");
                }
                owner = v;
            }
            default -> throw new InvalidRequest("'scope' must be space, range or owner, not '" + scope + "'");
        }
        String stored = owner != null ? owner : String.valueOf(spaceId != null ? spaceId : rangeId);
        for (StoredGrant existing : list(h, new Filter(holder.userId(), holder.tokenId(), scope))) {
            if (existing.value().equals(stored)) {
                throw new InvalidRequest("this grant exists already (id " + existing.id() + ")");
            }
        }
        long id = h.createUpdate("INSERT INTO access_grant (user_id, token_id, space_id, range_id, owner, created_by,"
                        + " created_at) VALUES (:u, :t, :s, :r, :o, :by, :at)")
                .bind("u", holder.userId()).bind("t", holder.tokenId()).bind("s", spaceId).bind("r", rangeId)
                .bind("o", owner).bind("by", actor).bind("at", Rows.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return find(h, id);
    }

    private static long spaceId(Handle h, String ref) {
        Query q = ref.chars().allMatch(Character::isDigit)
                ? h.createQuery("SELECT id FROM address_space WHERE id = :v").bind("v", Long.parseLong(ref))
                : h.createQuery("SELECT id FROM address_space WHERE name = :v").bind("v", ref);
        return q.mapTo(Long.class).findOne().orElseThrow(() -> new NotFound("space '" + ref + "' does not exist"));
    }

    private static long rangeId(Handle h, String ref) {
        if (ref.isEmpty() || ref.length() > 18 || !ref.chars().allMatch(Character::isDigit)) {
            throw new InvalidRequest("a range grant's value is the range id (a number), not '" + ref + "'");
        }
        return h.createQuery("SELECT id FROM ip_range WHERE id = :v").bind("v", Long.parseLong(ref)).mapTo(Long.class)
                .findOne().orElseThrow(() -> new NotFound("range " + ref + " does not exist"));
    }

    public List<StoredGrant> list(Filter f) {
        return jdbi.withHandle(h -> list(h, f));
    }

    private static List<StoredGrant> list(Handle h, Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (f.userId() != null) {
            where.append(" AND g.user_id = :u");
            binds.put("u", f.userId());
        }
        if (f.tokenId() != null) {
            where.append(" AND g.token_id = :t");
            binds.put("t", f.tokenId());
        }
        if (f.scope() != null) {
            where.append(switch (f.scope()) {
                case Grant.SPACE -> " AND g.space_id IS NOT NULL";
                case Grant.RANGE -> " AND g.range_id IS NOT NULL";
                case Grant.OWNER -> " AND g.owner IS NOT NULL";
                default -> throw new InvalidRequest("'scope' must be space, range or owner, not '" + f.scope() + "'");
            });
        }
        Query q = h.createQuery(SELECT + where + " ORDER BY g.id");
        binds.forEach(q::bind);
        return q.map((rs, ctx) -> row(rs)).list();
    }

    /** The grants a token acts with: its own, plus its owner's when it belongs to a user. */
    public List<Grant> ofToken(long tokenId, Long ownerUserId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE g.token_id = :t OR g.user_id = :u")
                .bind("t", tokenId).bind("u", ownerUserId).map((rs, ctx) -> row(rs).grant()).list());
    }

    public List<Grant> ofUser(long userId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE g.user_id = :u").bind("u", userId)
                .map((rs, ctx) -> row(rs).grant()).list());
    }

    public void remove(String actor, long id) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            StoredGrant before = find(h, id);
            h.createUpdate("DELETE FROM access_grant WHERE id = :id").bind("id", id).execute();
            AuditLog.record(h, now, actor, "grant.delete", "access_grant", id, null, before.view(), null);
        });
    }

    public StoredGrant get(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static StoredGrant find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE g.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne()
                .orElseThrow(() -> new NotFound("grant " + id + " does not exist"));
    }

    private static StoredGrant row(ResultSet rs) throws SQLException {
        Long space = Rows.nullableLong(rs, "space_id");
        Long range = Rows.nullableLong(rs, "range_id");
        String scope = space != null ? Grant.SPACE : range != null ? Grant.RANGE : Grant.OWNER;
        String value = space != null ? space.toString() : range != null ? range.toString() : rs.getString("owner");
        return new StoredGrant(rs.getLong("id"), Rows.nullableLong(rs, "user_id"), rs.getString("username"),
                Rows.nullableLong(rs, "token_id"), rs.getString("token_name"), scope, value,
                rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }
}
