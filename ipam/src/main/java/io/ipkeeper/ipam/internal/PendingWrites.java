package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.ChangeListener;
import io.ipkeeper.ipam.model.Allocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Rows a batch writes behind: new allocations, their audit events and idempotency keys, inserted at the end of the
 * batch as three JDBC batches (the PostgreSQL driver turns each into one multi-row INSERT) instead of two or three
 * statements per request. Allocation ids come back as generated keys of the batch; audit rows and stored responses,
 * which contain those ids, are rendered after that.
 */
public final class PendingWrites {

    /** An allocation row not inserted yet; {@link #get()} is valid after the flush. */
    public static final class PendingAllocation implements Supplier<Allocation> {
        private final Allocation row;
        private Allocation inserted;

        PendingAllocation(Allocation row) {
            this.row = row;
        }

        @Override
        public Allocation get() {
            if (inserted == null) {
                throw new IllegalStateException("allocation of " + row.address() + " is not inserted yet");
            }
            return inserted;
        }
    }

    private record Audit(Instant at, String principal, String requestId, String action, PendingAllocation object,
                         Allocation before) {}

    /** An idempotency key stored with the response of the request that used it first. */
    public record PendingKey(String principal, String key, String hash, Supplier<List<Allocation>> response, Instant at,
                             Instant expires) {}

    private final List<PendingAllocation> allocations = new ArrayList<>();
    private final List<Audit> audits = new ArrayList<>();
    private final Map<List<String>, PendingKey> keys = new HashMap<>();
    private long added;

    /** Queues an allocation row (id 0) and its "create/reserve" audit event. */
    public PendingAllocation insert(Allocation row, Instant at, String principal, String requestId, String action,
                                    Allocation before) {
        PendingAllocation p = new PendingAllocation(row);
        allocations.add(p);
        audits.add(new Audit(at, principal, requestId, action, p, before));
        added++;
        return p;
    }

    public void idempotencyKey(PendingKey k) {
        keys.put(List.of(k.principal(), k.key()), k);
        added++;
    }

    /** A key queued earlier in this batch (two racing requests with one key can land in the same batch). */
    public PendingKey pendingKey(String principal, String key) {
        return keys.get(List.of(principal, key));
    }

    /** Grows with every queued row. */
    long added() {
        return added;
    }

    void clear() {
        allocations.clear();
        audits.clear();
        keys.clear();
    }

    void flush(Handle h) {
        if (!allocations.isEmpty()) {
            List<Long> ids = BatchInserts.allocations(h, allocations.stream().map(p -> p.row).toList());
            if (ids.size() != allocations.size()) {
                throw new IllegalStateException("expected " + allocations.size() + " generated ids, got " + ids.size());
            }
            for (int i = 0; i < ids.size(); i++) {
                PendingAllocation p = allocations.get(i);
                p.inserted = AllocationRows.withId(p.row, ids.get(i));
            }
        }
        if (!audits.isEmpty()) {
            BatchInserts.audits(h, audits.stream().map(a -> new BatchInserts.Audit(a.at(), a.principal(), a.requestId(),
                    a.action(), a.before(), a.object().get())).toList());
            List<ChangeListener.Change> changes = new ArrayList<>(audits.size());
            for (Audit a : audits) {
                Allocation after = a.object().get();
                changes.add(new ChangeListener.Change(a.at(), a.principal(), a.action(), "allocation",
                        after.id(), after.spaceId(), a.before(), after));
            }
            // the whole batch at once: a listener that writes (the webhook outbox) writes once, not once per request
            ChangeListeners.fireAll(h, changes);
        }
        if (!keys.isEmpty()) {
            var batch = h.prepareBatch(IdempotencyKeys.INSERT);
            for (PendingKey k : keys.values()) {
                IdempotencyKeys.bind(batch, k.principal(), k.key(), k.hash(), Json.write(k.response().get()), k.at(), k.expires());
                batch.add();
            }
            batch.execute();
        }
        clear();
    }
}
