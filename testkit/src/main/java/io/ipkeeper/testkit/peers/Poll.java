package io.ipkeeper.testkit.peers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polling until something holds or a generous deadline passes; the fixtures' only notion of waiting. */
final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {}

    /**
     * Calls {@code probe} until it yields a value, and returns it; after {@code timeout} throws an AssertionError with
     * {@code what} and the {@code diagnostics}.
     */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n"
                        + diagnostics.get());
            }
            sleep(INTERVAL);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
