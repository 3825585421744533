package io.ipkeeper.ipam;

import java.time.Instant;
import java.util.List;
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
     * Several changes of one transaction at once (an allocator batch, in order). The default hears them one by one; a
     * listener that writes per change may override it to write once per batch, so a batch of many requests' changes
     * costs it one round trip instead of one each while the subnet is locked.
     */
    default void changedAll(Handle h, List<Change> changes) {
        for (Change c : changes) {
            changed(h, c);
        }
    }

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
