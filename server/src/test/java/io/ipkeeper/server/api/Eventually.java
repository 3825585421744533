package io.ipkeeper.server.api;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous bound (polling; no timing is asserted, the bound only stops a hung test). */
public final class Eventually {
    private Eventually() {}

    public static void until(Duration bound, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + bound + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
