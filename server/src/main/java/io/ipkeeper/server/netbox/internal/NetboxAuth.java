package io.ipkeeper.server.netbox.internal;

import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.Principals;
import io.ipkeeper.server.auth.StoredToken;
import io.ipkeeper.server.auth.TokenStore;
import java.time.InstantSource;
import java.util.Locale;

/**
 * NetBox token authentication onto ipkeeper API tokens. Either keyword ({@code Token} or {@code Bearer}, any case) is
 * accepted; as in NetBox the token version comes from the value, not the keyword: {@code nbt_<key>.<secret>} is a v2
 * token whose secret is the ipkeeper token (the key part is free text, e.g. the token's name), anything else is a v1
 * token that is the ipkeeper token itself. Failures are 403 with a {@code detail}, as NetBox answers.
 */
public final class NetboxAuth {
    private static final String V2_PREFIX = "nbt_";

    private final TokenStore tokens;
    private final Principals principals;
    private final InstantSource clock;

    public NetboxAuth(TokenStore tokens, Principals principals, InstantSource clock) {
        this.tokens = tokens;
        this.principals = principals;
        this.clock = clock;
    }

    public Principal authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw NetboxError.detail(403, "Authentication credentials were not provided.");
        }
        String[] parts = header.strip().split("\\s+");
        String keyword = parts[0].toLowerCase(Locale.ROOT);
        if (!keyword.equals("token") && !keyword.equals("bearer")) {
            throw NetboxError.detail(403, "Authentication credentials were not provided."
                    + " Send 'Authorization: Token <token>' or 'Authorization: Bearer <token>'.");
        }
        if (parts.length != 2) {
            throw NetboxError.detail(403, "Invalid token header. The token must be one word after '" + parts[0] + "'.");
        }
        String value = parts[1];
        boolean v2 = value.startsWith(V2_PREFIX);
        String secret = v2 ? v2Secret(value) : value;
        String version = v2 ? "v2" : "v1";
        StoredToken t = tokens.findBySecret(secret).orElseThrow(() -> NetboxError.detail(403, "Invalid " + version
                + " token" + (v2 ? " (the part after the '.' must be an ipkeeper API token)" : "")));
        if (t.revokedAt() != null) {
            throw NetboxError.detail(403, "Token '" + t.name() + "' was revoked at " + t.revokedAt() + ".");
        }
        if (!t.activeAt(clock.instant())) {
            throw NetboxError.detail(403, "Token expired");
        }
        return principals.ofToken(t);
    }

    private static String v2Secret(String value) {
        int dot = value.indexOf('.');
        if (dot < 0 || dot == value.length() - 1) {
            throw NetboxError.detail(403, "Invalid v2 token: expected nbt_<key>.<ipkeeper token>");
        }
        return value.substring(dot + 1);
    }
}
