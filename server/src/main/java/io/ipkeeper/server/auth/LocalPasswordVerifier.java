package io.ipkeeper.server.auth;

import java.util.Optional;

/** Users of the {@code app_user} table: Argon2id check, a dummy check for unknown names, disabled users refused. */
public final class LocalPasswordVerifier implements PasswordVerifier {
    private final UserStore users;

    public LocalPasswordVerifier(UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<StoredUser> verify(String username, String password) {
        Optional<UserStore.Credentials> c = username == null ? Optional.empty() : users.credentials(username);
        if (c.isEmpty()) {
            Passwords.burnDummy(password == null ? "" : password);
            return Optional.empty();
        }
        boolean ok = password != null && Passwords.matches(password, c.get().passwordHash());
        return ok && !c.get().user().disabled() ? Optional.of(c.get().user()) : Optional.empty();
    }
}
