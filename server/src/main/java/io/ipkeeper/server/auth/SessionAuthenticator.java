package io.ipkeeper.server.auth;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * The browser session cookie. Requests that change something (anything but GET, HEAD, OPTIONS) must also carry the
 * session's CSRF token in {@code X-CSRF-Token}: another site can make a browser send the cookie, but cannot read the
 * token. Bearer tokens need no CSRF token, as browsers never attach them on their own.
 */
public final class SessionAuthenticator implements Authenticator {
    public static final String COOKIE = "ipkeeper_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "ipkeeper.session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore sessions;
    private final UserStore users;
    private final Principals principals;

    public SessionAuthenticator(SessionStore sessions, UserStore users, Principals principals) {
        this.sessions = sessions;
        this.users = users;
        this.principals = principals;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        SessionStore.Active s = sessions.use(id).orElseThrow(() -> new AuthenticationFailed(
                "the session has expired or was ended; log in again (POST /api/v1/session)"));
        StoredUser u = users.get(s.userId());
        if (u.disabled()) {
            sessions.delete(s.idHash());
            throw new AuthenticationFailed("user '" + u.username() + "' is disabled");
        }
        if (!SAFE.contains(ctx.method().name()) && !Secrets.equalConstantTime(ctx.header(CSRF_HEADER), s.csrfToken())) {
            throw new CsrfRejected("a change made with a session cookie needs the header " + CSRF_HEADER
                    + " with the csrfToken of GET /api/v1/session");
        }
        ctx.attribute(SESSION_ATTRIBUTE, s);
        return Optional.of(principals.ofUser(u));
    }

    /** The session of this request, when it was authenticated by cookie. */
    public static Optional<SessionStore.Active> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }
}
