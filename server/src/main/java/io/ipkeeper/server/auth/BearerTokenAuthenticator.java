package io.ipkeeper.server.auth;

import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/** {@code Authorization: Bearer <token>} against the {@code api_token} table (one indexed lookup per request, plus
 * the grants of engineer and service tokens). */
public final class BearerTokenAuthenticator implements Authenticator {
    private static final String SCHEME = "bearer ";
    private final TokenStore tokens;
    private final Principals principals;
    private final InstantSource clock;

    public BearerTokenAuthenticator(TokenStore tokens, Principals principals, InstantSource clock) {
        this.tokens = tokens;
        this.principals = principals;
        this.clock = clock;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw new AuthenticationFailed("the Authorization header must be 'Bearer <token>'");
        }
        String secret = header.substring(SCHEME.length()).strip();
        if (secret.isEmpty()) {
            throw new AuthenticationFailed("the Authorization header has no token after 'Bearer'");
        }
        StoredToken t = tokens.findBySecret(secret)
                .orElseThrow(() -> new AuthenticationFailed("the API token is not known; check that it was copied whole"));
        if (t.revokedAt() != null) {
            throw new AuthenticationFailed("the API token '" + t.name() + "' was revoked at " + t.revokedAt()
                    + "; ask an admin for a new one");
        }
        if (!t.activeAt(clock.instant())) {
            throw new AuthenticationFailed("the API token '" + t.name() + "' expired at " + t.expiresAt()
                    + "; ask an admin for a new one");
        }
        return Optional.of(principals.ofToken(t));
    }
}
