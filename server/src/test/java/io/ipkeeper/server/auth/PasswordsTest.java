package io.ipkeeper.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.ipam.error.InvalidRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Argon2id hashing, the password policy, username rules and the lock doubling of the login throttle. */
class PasswordsTest {

    @Test
    void hashesAreSaltedArgon2idPhcStringsThatVerify() {
        String a = Passwords.hash("correct horse battery staple");
        String b = Passwords.hash("correct horse battery staple");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(Passwords.matches("correct horse battery staple", a)).isTrue();
        assertThat(Passwords.matches("correct horse battery stapler", a)).isFalse();
        assertThat(Passwords.matches("anything", "not a hash")).isFalse();
        assertThat(Passwords.burnDummy("anything")).isFalse();
    }

    @Test
    void thePolicyWantsTwelveCharactersAndNotTheUsername() {
        PasswordPolicy.check("twelve chars", "alice");
        PasswordPolicy.check("ünïcödé-pässwörd", "alice");
        assertThatThrownBy(() -> PasswordPolicy.check("eleven char", "alice")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("11 characters, at least 12");
        assertThatThrownBy(() -> PasswordPolicy.check("            ", "alice")).hasMessageContaining("spaces");
        assertThatThrownBy(() -> PasswordPolicy.check("alice.example", "alice.example")).hasMessageContaining("username");
        assertThatThrownBy(() -> PasswordPolicy.check(null, "alice")).hasMessageContaining("required");
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(257), "alice")).hasMessageContaining("too long");
    }

    @Test
    void usernamesAreLowerCaseWithAFewSeparators() {
        Usernames.check("alice");
        Usernames.check("bosh.west-1@lab");
        for (String bad : new String[] {"", "Alice", "-alice", "a b", "a".repeat(65), "al/ice"}) {
            assertThatThrownBy(() -> Usernames.check(bad)).as(bad).isInstanceOf(InvalidRequest.class);
        }
        assertThatThrownBy(() -> Usernames.check(null)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void locksDoubleUpToTheMaximum() {
        LoginThrottle t = new LoginThrottle(null, null, AuthOptions.defaults());
        assertThat(t.lock(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.lock(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.lock(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(t.lock(6)).isEqualTo(AuthOptions.MAX_LOCKOUT);
        assertThat(t.lock(1000)).isEqualTo(AuthOptions.MAX_LOCKOUT);
    }

    @Test
    void rolesCoverOnlyRolesWithFewerRights() {
        assertThat(Role.ADMIN.covers(Role.ENGINEER)).isTrue();
        assertThat(Role.ENGINEER.covers(Role.SERVICE)).isTrue();
        assertThat(Role.ENGINEER.covers(Role.VIEWER)).isTrue();
        assertThat(Role.ENGINEER.covers(Role.ADMIN)).isFalse();
        assertThat(Role.VIEWER.covers(Role.ENGINEER)).isFalse();
        assertThat(Role.AGENT.covers(Role.VIEWER)).isFalse();
        assertThat(Role.ENGINEER.narrowedByGrants()).isTrue();
        assertThat(Role.ADMIN.narrowedByGrants()).isFalse();
    }
}
