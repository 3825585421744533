package io.ipkeeper.server.auth;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: makes sure one admin token exists. A supplied secret ({@code IPKEEPER_BOOTSTRAP_TOKEN}) becomes that
 * token; without one a token is generated and handed back so the caller can print it once.
 */
public final class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {}

    /** @return the generated secret, when this call generated and stored one; empty otherwise */
    public static Optional<String> ensureAdminToken(TokenStore tokens, String suppliedSecret) {
        if (suppliedSecret != null && !suppliedSecret.isBlank()) {
            if (tokens.bootstrap(suppliedSecret.strip())) {
                log.info("bootstrap: created admin token '{}' from IPKEEPER_BOOTSTRAP_TOKEN", TokenStore.BOOTSTRAP_NAME);
            } else {
                log.info("bootstrap: already done earlier; IPKEEPER_BOOTSTRAP_TOKEN is ignored");
            }
            return Optional.empty();
        }
        if (tokens.isBootstrapped()) {
            return Optional.empty();
        }
        String secret = ApiTokens.generate();
        if (tokens.bootstrap(secret)) {
            log.info("bootstrap: generated admin token '{}' (printed once on standard output)", TokenStore.BOOTSTRAP_NAME);
            return Optional.of(secret);
        }
        return Optional.empty();
    }

    /** Checks a supplied bootstrap secret before anything starts; null when it is fine, else what to change. */
    public static String problemWith(String suppliedSecret) {
        if (suppliedSecret == null || suppliedSecret.isBlank()) {
            return null;
        }
        String s = suppliedSecret.strip();
        if (s.length() < ApiTokens.MIN_SUPPLIED_LENGTH || s.chars().anyMatch(Character::isWhitespace)) {
            return "IPKEEPER_BOOTSTRAP_TOKEN must be at least " + ApiTokens.MIN_SUPPLIED_LENGTH
                    + " characters without spaces (e.g. the output of 'openssl rand -base64 32')";
        }
        return null;
    }
}
