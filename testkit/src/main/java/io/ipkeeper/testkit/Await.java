package io.ipkeeper.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits, with a generous bound, for something to happen: tests wait for an outcome but never assert how fast it came
 * (that is a benchmark figure).
 */
public final class Await {
    private Await() {
    }

    /**
     * Polls {@code probe} every {@code every} until it returns non-null and returns that value; after {@code bound}
     * an {@link AssertionError} names {@code what} was awaited.
     */
    public static <T> T until(String what, Duration bound, Duration every, Supplier<T> probe) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("gave up after " + bound + " waiting for " + what);
    }
}
