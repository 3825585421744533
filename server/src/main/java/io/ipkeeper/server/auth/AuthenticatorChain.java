package io.ipkeeper.server.auth;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Asks each authenticator in turn; the first that recognises a credential decides. */
public final class AuthenticatorChain implements Authenticator {
    private final List<Authenticator> authenticators;

    public AuthenticatorChain(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        for (Authenticator a : authenticators) {
            Optional<Principal> p = a.authenticate(ctx);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }
}
