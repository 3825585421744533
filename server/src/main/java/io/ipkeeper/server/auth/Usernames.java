package io.ipkeeper.server.auth;

import io.ipkeeper.ipam.error.InvalidRequest;
import java.util.regex.Pattern;

/**
 * Username rules: 1-64 characters of lower-case letters, digits, {@code . _ - @}, starting with a letter or digit.
 * Lower case only, so that "Alice" and "alice" can never be two accounts.
 */
public final class Usernames {
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private Usernames() {}

    public static void check(String username) {
        if (username == null || !VALID.matcher(username).matches()) {
            throw new InvalidRequest("a username is 1-" + MAX_LENGTH + " characters of lower-case letters, digits and"
                    + " . _ - @, starting with a letter or digit (e.g. \"alice\" or \"bosh.west\"), not '"
                    + username + "'");
        }
    }
}
