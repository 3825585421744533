package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.ChangeListener;
import io.ipkeeper.ipam.RequestId;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writes audit events in the caller's transaction, so a change and its audit row commit or roll back together, and
 * tells the {@link ChangeListeners} about each in the same transaction.
 */
public final class AuditLog {

    static final String INSERT = "INSERT INTO audit_event (occurred_at, principal, action, object_type, object_id, space_id,"
            + " before_json, after_json, request_id) VALUES (:at, :p, :a, :t, :oid, :sid, :b, :af, :rid)";

    private AuditLog() {}

    /** An event of the request bound to {@link RequestId#CURRENT} on this thread (if any). */
    public static void record(Handle h, Instant at, String principal, String action, String objectType, Long objectId,
                              Long spaceId, Object before, Object after) {
        record(h, at, principal, RequestId.current(), action, objectType, objectId, spaceId, before, after);
    }

    /** An event of the request {@code cx} was made for (its thread may not be this one). */
    public static void record(Handle h, AllocationContext cx, String action, String objectType, Long objectId,
                              Long spaceId, Object before, Object after) {
        record(h, cx.now(), cx.principal(), cx.requestId(), action, objectType, objectId, spaceId, before, after);
    }

    private static void record(Handle h, Instant at, String principal, String requestId, String action,
                               String objectType, Long objectId, Long spaceId, Object before, Object after) {
        bind(h.createUpdate(INSERT), at, principal, action, objectType, objectId, spaceId, before, after)
                .bind("rid", requestId).execute();
        ChangeListeners.fire(h, new ChangeListener.Change(at, principal, action, objectType, objectId, spaceId, before, after));
    }

    static <S extends SqlStatement<S>> S bind(S s, Instant at, String principal, String action, String objectType,
                                              Long objectId, Long spaceId, Object before, Object after) {
        return s.bind("at", Rows.ts(at))
                .bind("p", principal)
                .bind("a", action)
                .bind("t", objectType)
                .bind("oid", objectId)
                .bind("sid", spaceId)
                .bind("b", Json.write(before))
                .bind("af", Json.write(after));
    }
}
