package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.error.IpamException;
import io.ipkeeper.ipam.error.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Combining of writes: concurrent requests share transactions, so a batch of them costs about as many round trips as
 * one request.
 *
 * <p><b>Lanes.</b> Requests for one subnet queue in that subnet's lane. A lane is served by at most one transaction at
 * a time (its {@code claimed} flag), which then holds the subnet's row lock: writers of a subnet are serialized, and
 * nobody else waits for them.
 *
 * <p><b>Batches.</b> A waiting request becomes a leader when its lane is free and one of {@code maxConcurrentBatches}
 * batch slots is free. The leader claims its lane and any other lanes with queued requests that no batch is serving
 * (up to {@code maxBatch} requests in all), locks those subnet rows in one query in ascending id order, runs the
 * requests, writes their rows as one JDBC batch per table and commits. Results are handed out only after the commit.
 * It then releases the lanes and wakes the next waiter of each. Several batches run at once on disjoint subnets:
 * there is no global lock, and the slots only cap how many transactions are in flight (the database gains nothing
 * from more concurrent transactions than it has cores, and a lane's requests wait less when batches are bigger).
 *
 * <p><b>Two passes</b>, so that a batch costs few round trips and one bad request still fails alone:
 * <ol>
 *   <li><b>Fast pass.</b> Requests submitted with {@link #submit} promise to raise their typed errors before they
 *       write anything (checks first, then writes). They run without savepoints; their rows are written behind and
 *       inserted as JDBC batches at the end. A typed error fails that request alone (it wrote nothing; this is
 *       verified against the write-behind state). Any other error (a unique violation at the flush, a broken promise)
 *       rolls the whole transaction back and the batch is run again in the safe pass.</li>
 *   <li><b>Safe pass</b> (and every {@link #submitGuarded} request): each request runs inside its own savepoint and
 *       writes its rows before the savepoint is released, so a failure is rolled back alone and gets its own error.
 *       A unique violation is retried from the savepoint (the constraint on (space, address) backstops the lock).</li>
 * </ol>
 * Deadlocks, serialization failures and lock timeouts retry the whole batch.
 */
public final class SubnetCombiner {

    /** One request's work, run in the batch transaction with the subnet locked; the supplier is read after commit. */
    @FunctionalInterface
    public interface Work<T> {
        Supplier<T> run(Handle h, LockedSubnet subnet);
    }

    private static final int UNIQUE_RETRIES = 3;
    private static final int TRANSACTION_RETRIES = 5;

    private final Jdbi jdbi;
    private final int maxBatch;
    private final RangeCache ranges;
    private final Semaphore slots;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    /** Lanes that may have queued requests and may be unclaimed: where a leader looks for more work. */
    private final ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();

    public SubnetCombiner(Jdbi jdbi, int maxBatch, int maxConcurrentBatches, RangeCache ranges) {
        this.jdbi = jdbi;
        this.maxBatch = maxBatch;
        this.ranges = ranges;
        this.slots = new Semaphore(maxConcurrentBatches);
    }

    private static final class Lane {
        final long subnetId;
        final ConcurrentLinkedQueue<Task<?>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean claimed = new AtomicBoolean();
        final AtomicBoolean listed = new AtomicBoolean();

        Lane(long subnetId) {
            this.subnetId = subnetId;
        }
    }

    private static final class Task<T> {
        final Work<T> work;
        final boolean guarded;
        final Semaphore wake = new Semaphore(0);
        volatile boolean done;
        T result;
        RuntimeException error;

        Task(Work<T> work, boolean guarded) {
            this.work = work;
            this.guarded = guarded;
        }

        void finish(T r, RuntimeException e) {
            result = r;
            error = e;
            done = true;
            wake.release();
        }
    }

    /** One claimed lane and the requests taken from it for this batch. */
    private record Claim(Lane lane, List<Task<?>> tasks) {}

    /** A request's typed error raised after it had written behind: the fast pass cannot drop it alone. */
    private static final class BrokenPromise extends RuntimeException {
        BrokenPromise(Throwable cause) {
            super("a request failed after writing; rerunning the batch with savepoints", cause);
        }
    }

    /**
     * Runs {@code work} for {@code subnetId} in a (possibly shared) transaction and returns its result after commit.
     * The work must raise its typed errors ({@link IpamException}) before it writes anything.
     */
    public <T> T submit(long subnetId, Work<T> work) {
        return submit(subnetId, work, false);
    }

    /** As {@link #submit}, for work that may fail after writing: it always runs inside its own savepoint. */
    public <T> T submitGuarded(long subnetId, Work<T> work) {
        return submit(subnetId, work, true);
    }

    private <T> T submit(long subnetId, Work<T> work, boolean guarded) {
        Lane lane = lanes.computeIfAbsent(subnetId, Lane::new);
        Task<T> task = new Task<>(work, guarded);
        lane.queue.add(task);
        list(lane);
        while (!task.done) {
            if (!lane.claimed.get() && slots.tryAcquire()) {
                List<Claim> claims = new ArrayList<>();
                try {
                    if (lane.claimed.compareAndSet(false, true)) {
                        claims.add(new Claim(lane, new ArrayList<>()));
                        lead(claims);
                    }
                } finally {
                    // the slot first: the waiters woken next must find it free, or they only go back to sleep
                    slots.release();
                    claims.forEach(c -> release(c.lane()));
                    wakeOneReady(); // a slot is free again: let a waiter of an unserved lane lead
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

    private void list(Lane lane) {
        if (lane.listed.compareAndSet(false, true)) {
            ready.add(lane);
        }
    }

    /**
     * Runs one batch: the caller's lane (claimed, first in {@code claims}) plus other unclaimed lanes with queued
     * requests. Every lane it claims is added to {@code claims}, for the caller to release.
     */
    private void lead(List<Claim> claims) {
        Lane own = claims.get(0).lane();
        int budget = maxBatch - take(own, maxBatch, claims.get(0).tasks());
        for (Lane l; budget > 0 && (l = ready.poll()) != null; ) {
            l.listed.set(false);
            if (l == own || l.queue.isEmpty() || !l.claimed.compareAndSet(false, true)) {
                continue; // served by us or by another batch (which wakes its waiters), or nothing to do
            }
            Claim c = new Claim(l, new ArrayList<>());
            claims.add(c);
            budget -= take(l, budget, c.tasks());
        }
        List<Claim> work = claims.stream().filter(c -> !c.tasks().isEmpty())
                .sorted(Comparator.comparingLong(c -> c.lane().subnetId)).toList();
        if (!work.isEmpty()) {
            runBatch(work);
        }
    }

    private static int take(Lane lane, int budget, List<Task<?>> into) {
        int n = 0;
        for (Task<?> t; n < budget && (t = lane.queue.poll()) != null; n++) {
            into.add(t);
        }
        return n;
    }

    /** Unclaims a lane and wakes its next waiter (who tries to lead, or is served by someone else's batch). */
    private void release(Lane lane) {
        lane.claimed.set(false);
        Task<?> next = lane.queue.peek();
        if (next != null) {
            list(lane);
            next.wake.release();
        }
    }

    private void wakeOneReady() {
        for (Lane l : ready) {
            Task<?> next = l.queue.peek();
            if (next != null && !l.claimed.get()) {
                next.wake.release();
                return;
            }
        }
    }

    private void runBatch(List<Claim> claims) {
        List<Long> ids = claims.stream().map(c -> c.lane().subnetId).toList();
        List<Task<?>> all = claims.stream().flatMap(c -> c.tasks().stream()).toList();
        boolean safe = false;
        for (int attempt = 1; ; attempt++) {
            List<Supplier<?>> results = new ArrayList<>(all.size());
            List<RuntimeException> errors = new ArrayList<>(all.size());
            boolean safePass = safe;
            try {
                jdbi.useTransaction(h -> {
                    results.clear();
                    errors.clear();
                    LockedGroup group = LockedGroup.lock(h, ids, ranges);
                    int sp = 0;
                    for (Claim c : claims) {
                        LockedSubnet subnet = group.get(c.lane().subnetId);
                        for (Task<?> t : c.tasks()) {
                            if (subnet == null) {
                                results.add(null);
                                errors.add(new NotFound("subnet " + c.lane().subnetId + " does not exist"));
                            } else if (safePass || t.guarded) {
                                sp = runInSavepoint(h, subnet, t, sp, results, errors);
                            } else {
                                runFast(h, subnet, t, results, errors);
                            }
                        }
                    }
                    group.flush(h);
                });
            } catch (RuntimeException e) {
                if (Rows.isTransient(e) && attempt < TRANSACTION_RETRIES) {
                    continue;
                }
                if (!safe) {
                    safe = true; // find out which request failed, and let the others commit
                    continue;
                }
                all.forEach(t -> t.finish(null, e));
                return;
            }
            for (int i = 0; i < all.size(); i++) {
                Supplier<?> r = results.get(i);
                Object value = null;
                RuntimeException error = errors.get(i);
                try {
                    value = r == null ? null : r.get();
                } catch (RuntimeException e) {
                    error = e; // never leave a waiter unfinished: its thread would wait forever
                }
                finish(all.get(i), value, error);
            }
            return;
        }
    }

    /** Fast pass: no savepoint; a typed error is the request's own only if it left nothing behind. */
    private static void runFast(Handle h, LockedSubnet subnet, Task<?> t, List<Supplier<?>> results,
                                List<RuntimeException> errors) {
        long mark = subnet.mark();
        try {
            results.add(t.work.run(h, subnet));
            errors.add(null);
            subnet.keepRequest();
        } catch (IpamException e) {
            if (subnet.mark() != mark) {
                throw new BrokenPromise(e);
            }
            subnet.discardRequest();
            results.add(null);
            errors.add(e);
        }
    }

    /** Safe pass: the request and its written-behind rows inside one savepoint; returns the next savepoint number. */
    private static int runInSavepoint(Handle h, LockedSubnet subnet, Task<?> t, int sp, List<Supplier<?>> results,
                                      List<RuntimeException> errors) {
        subnet.settle(h); // earlier fast requests' rows must not be rolled back with this one
        Supplier<?> r = null;
        RuntimeException err = null;
        for (int tries = 1; ; tries++) {
            String name = "r" + (sp++);
            h.savepoint(name);
            try {
                r = t.work.run(h, subnet);
                subnet.settle(h);
                h.release(name);
                subnet.keepRequest();
                break;
            } catch (RuntimeException e) {
                h.rollbackToSavepoint(name);
                subnet.discardUnwritten();
                if (e instanceof IpamException || !Rows.isUniqueViolation(e) || tries >= UNIQUE_RETRIES) {
                    if (!(e instanceof IpamException) && Rows.isTransient(e)) {
                        throw e; // the whole transaction is doomed: retry the batch
                    }
                    err = e;
                    break;
                }
            }
        }
        results.add(err == null ? r : null);
        errors.add(err);
        return sp;
    }

    @SuppressWarnings("unchecked")
    private static <T> void finish(Task<T> t, Object r, RuntimeException e) {
        t.finish((T) r, e);
    }
}
