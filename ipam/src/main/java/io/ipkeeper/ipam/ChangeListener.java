package io.ipkeeper.ipam;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Hears every audited change inside the transaction that makes it, right after the audit row is written: what it
 * writes on {@code h} commits or rolls back with the change (a transactional outbox). It must not commit, and should
 * be quick: allocating transactions hold subnet locks. An exception rolls the change back.
 *
 * <p>Register with {@link Ipam#onChange}; listeners apply to every handle of the database's Jdbi.
 */
@FunctionalInterface
public interface ChangeListener {

    void changed(Handle h, Change change);

    /**
     * One change, as the audit log records it.
     *
     * @param action e.g. {@code allocation.create}, {@code allocation.release}, {@code subnet.update}
     * @param objectType e.g. {@code allocation}, {@code subnet}
     * @param before the object before the change (a model record), or null when it was created
     * @param after the object after the change, or null when it was deleted
     */
    record Change(Instant at, String principal, String action, String objectType, Long objectId, Long spaceId,
                  Object before, Object after) {}
}
