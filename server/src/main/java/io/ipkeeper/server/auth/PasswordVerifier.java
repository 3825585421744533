package io.ipkeeper.server.auth;

import java.util.Optional;

/**
 * Checks a username and password (the login form). Local users today ({@link LocalPasswordVerifier}); an LDAP bind
 * is another implementation later, tried in order by the login code. An OIDC login, which has no password, will be an
 * {@link Authenticator} producing a session instead.
 */
public interface PasswordVerifier {

    /**
     * The user, when the password is right and the user may log in; empty otherwise. Implementations spend about the
     * same time on every failure (unknown user, wrong password, disabled user), so timing reveals nothing.
     */
    Optional<StoredUser> verify(String username, String password);
}
