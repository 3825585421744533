package io.ipkeeper.ipam.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code idempotency_key} table: (principal, key) → hash of the request body and the response it got. */
public final class IdempotencyKeys {

    /** A stored key that has not expired. */
    public record Stored(String requestHash, String responseJson) {}

    private IdempotencyKeys() {}

    public static String hash(String canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live entry for (principal, key); an expired one is deleted and reported absent. */
    public static Optional<Stored> find(Handle h, String principal, String key, Instant now) {
        var row = h.createQuery("SELECT request_hash, response_json, expires_at FROM idempotency_key"
                        + " WHERE principal = :p AND key_value = :k")
                .bind("p", principal).bind("k", key)
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), Rows.instant(rs, "expires_at")})
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!((Instant) row.get()[2]).isAfter(now)) {
            h.createUpdate("DELETE FROM idempotency_key WHERE principal = :p AND key_value = :k").bind("p", principal).bind("k", key).execute();
            return Optional.empty();
        }
        return Optional.of(new Stored((String) row.get()[0], (String) row.get()[1]));
    }

    public static void insert(Handle h, String principal, String key, String hash, String responseJson, Instant now, Instant expires) {
        h.createUpdate("INSERT INTO idempotency_key (principal, key_value, request_hash, response_json, created_at, expires_at)"
                        + " VALUES (:p, :k, :h, :r, :c, :e)")
                .bind("p", principal).bind("k", key).bind("h", hash).bind("r", responseJson)
                .bind("c", Rows.ts(now)).bind("e", Rows.ts(expires)).execute();
    }

    public static void updateResponse(Handle h, String principal, String key, String responseJson) {
        h.createUpdate("UPDATE idempotency_key SET response_json = :r WHERE principal = :p AND key_value = :k")
                .bind("p", principal).bind("k", key).bind("r", responseJson).execute();
    }

    /** Deletes expired keys; returns how many. */
    public static int purge(Handle h, Instant now) {
        return h.createUpdate("DELETE FROM idempotency_key WHERE expires_at <= :n").bind("n", Rows.ts(now)).execute();
    }
}
