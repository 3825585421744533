package io.ipkeeper.server.auth;

import io.ipkeeper.ipam.error.InvalidRequest;

/**
 * What a password must be. Length is what matters (NIST SP 800-63B): at least 12 characters, no composition rules;
 * an upper bound only keeps Argon2 input sane.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {}

    /** Throws {@link InvalidRequest} (422) saying what is wrong. */
    public static void check(String password, String username) {
        if (password == null || password.isEmpty()) {
            throw new InvalidRequest("a password is required (at least " + MIN_LENGTH + " characters)");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidRequest("the password is too short: " + length + " characters, at least " + MIN_LENGTH
                    + " are needed (a few words make a good one)");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidRequest("the password is too long: at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidRequest("the password must not be only spaces");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            throw new InvalidRequest("the password must not be the username");
        }
    }
}
