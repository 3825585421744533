package io.ipkeeper.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in PHC form ({@code $argon2id$v=19$m=19456,t=2,p=1$…}), with the OWASP minimum parameters
 * passed explicitly (password4j's built-in default is weaker and it warns without a properties file).
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);
    /**
     * Verified against when a username is unknown, so that a failed login costs one Argon2 run whether or not the
     * user exists (the response time does not reveal which usernames exist).
     */
    private static final String DUMMY = hash("ipkeeper-dummy-password-for-unknown-users");

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** False for a wrong password and for a hash that is not an Argon2 PHC string. */
    public static boolean matches(String password, String hash) {
        try {
            return Password.check(password, hash).with(ARGON2ID);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the same work as {@link #matches} and always fails. */
    public static boolean burnDummy(String password) {
        matches(password, DUMMY);
        return false;
    }
}
