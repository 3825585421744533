package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.error.IpamException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-subnet combining of writes. Requests for one subnet queue up in that subnet's lane; the first waiter becomes
 * the lane's leader, opens one transaction, locks the subnet row and runs up to {@code maxBatch} queued requests in
 * it, each inside its own savepoint (a failing request is rolled back alone and gets its own error). Results are
 * handed out only after the commit. The leader then passes the lane on to the next waiter, so nobody serves more
 * than one batch for others. Different subnets never wait for each other here: there is no global lock.
 *
 * <p>The database row lock still serializes writers across processes; the unique constraint on (space, address)
 * backstops both: a request that hits it is retried from its savepoint.
 */
public final class SubnetCombiner {

    /** One request's work, run in the batch transaction with the subnet locked. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle h, LockedSubnet subnet);
    }

    private static final int UNIQUE_RETRIES = 3;
    private static final int TRANSACTION_RETRIES = 5;

    private final Jdbi jdbi;
    private final int maxBatch;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    public SubnetCombiner(Jdbi jdbi, int maxBatch) {
        this.jdbi = jdbi;
        this.maxBatch = maxBatch;
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Task<?>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leader = new AtomicBoolean();
    }

    private static final class Task<T> {
        final Work<T> work;
        final Semaphore wake = new Semaphore(0);
        volatile boolean done;
        T result;
        RuntimeException error;

        Task(Work<T> work) {
            this.work = work;
        }

        void finish(T r, RuntimeException e) {
            result = r;
            error = e;
            done = true;
            wake.release();
        }
    }

    /** Runs {@code work} for {@code subnetId} in a (possibly shared) transaction and returns its result after commit. */
    public <T> T submit(long subnetId, Work<T> work) {
        Lane lane = lanes.computeIfAbsent(subnetId, k -> new Lane());
        Task<T> task = new Task<>(work);
        lane.queue.add(task);
        while (!task.done) {
            if (lane.leader.compareAndSet(false, true)) {
                try {
                    List<Task<?>> batch = new ArrayList<>();
                    for (Task<?> t; batch.size() < maxBatch && (t = lane.queue.poll()) != null; ) {
                        batch.add(t);
                    }
                    if (!batch.isEmpty()) {
                        runBatch(subnetId, batch);
                    }
                } finally {
                    lane.leader.set(false);
                    Task<?> next = lane.queue.peek();
                    if (next != null) {
                        next.wake.release();
                    }
                }
            } else {
                task.wake.acquireUninterruptibly();
            }
        }
        if (task.error != null) {
            throw task.error;
        }
        return task.result;
    }

    private void runBatch(long subnetId, List<Task<?>> batch) {
        for (int attempt = 1; ; attempt++) {
            List<Object> results = new ArrayList<>(batch.size());
            List<RuntimeException> errors = new ArrayList<>(batch.size());
            try {
                jdbi.useTransaction(h -> {
                    results.clear();
                    errors.clear();
                    LockedSubnet subnet = LockedSubnet.lock(h, subnetId);
                    int sp = 0;
                    for (Task<?> t : batch) {
                        Object r = null;
                        RuntimeException err = null;
                        for (int tries = 1; ; tries++) {
                            String name = "r" + (sp++);
                            h.savepoint(name);
                            try {
                                r = t.work.run(h, subnet);
                                h.release(name);
                                subnet.keepRequest();
                                break;
                            } catch (RuntimeException e) {
                                h.rollbackToSavepoint(name);
                                subnet.discardRequest();
                                if (e instanceof IpamException || !Rows.isUniqueViolation(e) || tries >= UNIQUE_RETRIES) {
                                    if (!(e instanceof IpamException) && Rows.isTransient(e)) {
                                        throw e; // the whole transaction is doomed: retry the batch
                                    }
                                    err = e;
                                    break;
                                }
                            }
                        }
                        results.add(r);
                        errors.add(err);
                    }
                    subnet.flush(h);
                });
            } catch (RuntimeException e) {
                if (e instanceof IpamException ie) {
                    // raised before any request ran (e.g. the subnet does not exist): every request gets it
                    batch.forEach(t -> t.finish(null, ie));
                    return;
                }
                if (Rows.isTransient(e) && attempt < TRANSACTION_RETRIES) {
                    continue;
                }
                batch.forEach(t -> t.finish(null, e));
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                finish(batch.get(i), results.get(i), errors.get(i));
            }
            return;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void finish(Task<T> t, Object r, RuntimeException e) {
        t.finish((T) r, e);
    }
}
