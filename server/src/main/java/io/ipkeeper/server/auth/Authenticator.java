package io.ipkeeper.server.auth;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * One way of proving who is asking (API token today; session cookie, LDAP and OIDC later). Authenticators are tried
 * in order by {@link AuthenticatorChain}.
 */
public interface Authenticator {

    /**
     * Empty when the request carries no credential of this kind (the next authenticator is asked); a principal when it
     * carries a valid one. Throws {@link AuthenticationFailed} when it carries one of this kind that is not valid, so a
     * wrong token is never silently treated as "no token".
     */
    Optional<Principal> authenticate(Context ctx);
}
