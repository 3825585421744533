package io.ipkeeper.server.auth;

import java.util.List;
import java.util.Optional;

/**
 * The login: throttle check, then each {@link PasswordVerifier} in turn, then a new session. Failures say only
 * "wrong username or password", whichever part was wrong (and whether the user is disabled), so logins reveal
 * nothing about which accounts exist.
 */
public final class Login {
    public static final String FAILED = "wrong username or password";

    private final List<PasswordVerifier> verifiers;
    private final LoginThrottle throttle;
    private final SessionStore sessions;

    public Login(List<PasswordVerifier> verifiers, LoginThrottle throttle, SessionStore sessions) {
        this.verifiers = List.copyOf(verifiers);
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public record Success(StoredUser user, SessionStore.Created session) {}

    /**
     * @throws LoginThrottled when the username or address is locked (nothing is checked, nothing counted)
     * @throws AuthenticationFailed with {@link #FAILED} when no verifier accepts the password
     */
    public Success login(String username, String password, String clientIp) {
        String name = username == null ? "" : username.strip();
        throttle.lockedFor(List.of(LoginThrottle.userKey(name), LoginThrottle.ipKey(clientIp))).ifPresent(d -> {
            throw new LoginThrottled(d);
        });
        Optional<StoredUser> user = Optional.empty();
        for (PasswordVerifier v : verifiers) {
            user = v.verify(name, password);
            if (user.isPresent()) {
                break;
            }
        }
        if (user.isEmpty()) {
            throttle.failed(name, clientIp);
            throw new AuthenticationFailed(FAILED);
        }
        throttle.succeeded(name);
        return new Success(user.get(), sessions.create(user.get().id(), clientIp));
    }
}
