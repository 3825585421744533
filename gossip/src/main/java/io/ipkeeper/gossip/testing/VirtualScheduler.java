package io.ipkeeper.gossip.testing;

import io.ipkeeper.gossip.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A discrete-event {@link Scheduler} in virtual time: tasks run in (time, submission order) order when the test calls
 * {@link #runFor} or {@link #runUntilIdle}, never by themselves. One scheduler can serve many nodes, which then share
 * one deterministic timeline. Not thread-safe: drive it from one thread.
 */
public final class VirtualScheduler implements Scheduler {

    private static final class Task implements Cancellable, Comparable<Task> {
        final long at;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Task(long at, long seq, Runnable body) {
            this.at = at;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private long executed;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + Math.max(0, delay.toNanos()), seq++, task);
        queue.add(t);
        return t;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** Runs every task due within the next {@code duration}, then sets the clock to the end of it. */
    public void runFor(Duration duration) {
        runUntil(now + duration.toNanos());
    }

    /** Runs every task due at or before {@code deadline} (virtual nanoseconds), then sets the clock to it. */
    public void runUntil(long deadline) {
        while (!queue.isEmpty() && queue.peek().at <= deadline) {
            runNext();
        }
        now = Math.max(now, deadline);
    }

    /** Runs tasks until none is left or {@code limit} have run (periodic tasks never leave the queue empty). */
    public long runUntilIdle(long limit) {
        long ran = 0;
        while (!queue.isEmpty() && ran < limit) {
            if (runNext()) {
                ran++;
            }
        }
        return ran;
    }

    private boolean runNext() {
        Task t = queue.poll();
        now = Math.max(now, t.at);
        if (t.cancelled) {
            return false;
        }
        executed++;
        t.body.run();
        return true;
    }

    /** Tasks run so far (cancelled ones excluded). */
    public long executedTasks() {
        return executed;
    }

    /** Tasks waiting (including cancelled ones not yet discarded). */
    public int pendingTasks() {
        return queue.size();
    }
}
