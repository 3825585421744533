package io.ipkeeper.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Token text: {@code ipk_} + 32 random bytes in base64url (256 bits). Only its SHA-256 is ever stored. */
public final class ApiTokens {
    public static final String PREFIX = "ipk_";
    /** Shortest token accepted from {@code IPKEEPER_BOOTSTRAP_TOKEN}: a person-chosen secret must still be long. */
    public static final int MIN_SUPPLIED_LENGTH = 32;
    private static final int HINT_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {}

    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first characters, safe to show in lists (a few characters of a 256-bit secret reveal nothing useful). */
    public static String hint(String token) {
        return token.substring(0, Math.min(HINT_LENGTH, token.length()));
    }
}
