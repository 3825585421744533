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

    /** A stored key; it counts only until {@code expiresAt}. */
    public record Stored(String requestHash, String responseJson, Instant expiresAt) {}

    private IdempotencyKeys() {}

    public static String hash(String canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored entry for (principal, key), expired or not (reading it writes nothing). */
    public static Optional<Stored> find(Handle h, String principal, String key) {
        return h.createQuery("SELECT request_hash, response_json, expires_at FROM idempotency_key"
                        + " WHERE principal = :p AND key_value = :k")
                .bind("p", principal).bind("k", key)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), Rows.instant(rs, "expires_at")))
                .findOne();
    }

    public static void delete(Handle h, String principal, String key) {
        h.createUpdate("DELETE FROM idempotency_key WHERE principal = :p AND key_value = :k").bind("p", principal).bind("k", key).execute();
    }

    static final String INSERT = "INSERT INTO idempotency_key (principal, key_value, request_hash, response_json, created_at,"
            + " expires_at) VALUES (:p, :k, :h, :r, :c, :e)";

    public static void insert(Handle h, String principal, String key, String hash, String responseJson, Instant now, Instant expires) {
        bind(h.createUpdate(INSERT), principal, key, hash, responseJson, now, expires).execute();
    }

    static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S s, String principal, String key, String hash,
                                                                         String responseJson, Instant now, Instant expires) {
        return s.bind("p", principal).bind("k", key).bind("h", hash).bind("r", responseJson)
                .bind("c", Rows.ts(now)).bind("e", Rows.ts(expires));
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
