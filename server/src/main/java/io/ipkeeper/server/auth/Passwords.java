package io.ipkeeper.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id password hashes in PHC form ({@code $argon2id$v=19$m=19456,t=2,p=1$…}), with the OWASP minimum parameters
 * passed explicitly (password4j's built-in default is weaker and it warns without a properties file).
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);
    /**
     * Each Argon2 run holds 19 MiB and a core for a while; on virtual threads a burst of logins would otherwise run
     * them all at once and exhaust the heap. Extra callers wait their turn instead.
     */
    private static final Semaphore SLOTS = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    /**
     * Verified against when a username is unknown, so that a failed login costs one Argon2 run whether or not the
     * user exists (the response time does not reveal which usernames exist).
     */
    private static final String DUMMY = hash("ipkeeper-dummy-password-for-unknown-users");

    private Passwords() {}

    public static String hash(String password) {
        return limited(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    /** False for a wrong password, for a hash that is not an Argon2 PHC string, and when interrupted. */
    public static boolean matches(String password, String hash) {
        try {
            return limited(() -> Password.check(password, hash).with(ARGON2ID));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static <T> T limited(Supplier<T> work) {
        try {
            SLOTS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            SLOTS.release();
        }
    }

    /** Spends the same work as {@link #matches} and always fails. */
    public static boolean burnDummy(String password) {
        matches(password, DUMMY);
        return false;
    }
}
