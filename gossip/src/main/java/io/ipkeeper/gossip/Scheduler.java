package io.ipkeeper.gossip;

import java.time.Duration;

/**
 * Time and the protocol thread. Protocol code reads the clock and runs deferred work only through this interface, so
 * production (a real clock and one executor thread) and simulation (virtual time in a discrete-event loop) run the same
 * code. Every task runs on the scheduler's single thread, one at a time: protocol state needs no locks.
 */
public interface Scheduler {

    /** A scheduled task that may be cancelled. */
    interface Cancellable {
        /** Prevents the task from running if it has not started. Idempotent. */
        void cancel();
    }

    /** Monotonic time in nanoseconds (only differences are meaningful). */
    long nanoTime();

    /** Runs {@code task} on the protocol thread after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the protocol thread as soon as possible, after tasks already submitted. */
    void execute(Runnable task);
}
