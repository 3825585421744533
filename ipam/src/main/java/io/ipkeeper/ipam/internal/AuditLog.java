package io.ipkeeper.ipam.internal;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Writes audit events in the caller's transaction, so a change and its audit row commit or roll back together. */
public final class AuditLog {

    private AuditLog() {}

    public static void record(Handle h, Instant at, String principal, String action, String objectType, Long objectId,
                              Long spaceId, Object before, Object after) {
        h.createUpdate("INSERT INTO audit_event (occurred_at, principal, action, object_type, object_id, space_id,"
                        + " before_json, after_json) VALUES (:at, :p, :a, :t, :oid, :sid, :b, :af)")
                .bind("at", Rows.ts(at))
                .bind("p", principal)
                .bind("a", action)
                .bind("t", objectType)
                .bind("oid", objectId)
                .bind("sid", spaceId)
                .bind("b", Json.write(before))
                .bind("af", Json.write(after))
                .execute();
    }
}
