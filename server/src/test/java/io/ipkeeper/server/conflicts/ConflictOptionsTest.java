package io.ipkeeper.server.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConflictOptionsTest {

    @Test
    void defaultsAreConsistent() {
        ConflictOptions d = ConflictOptions.defaults();
        assertThat(d.window()).isEqualTo(Duration.ofHours(1));
        assertThat(d.observationRetention()).isGreaterThanOrEqualTo(d.staleAfter());
    }

    @Test
    void retentionShorterThanTheWindowOrStaleAfterIsRefused() {
        assertThatThrownBy(() -> new ConflictOptions(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofSeconds(10))).hasMessageContaining("at least the conflict window");
        assertThatThrownBy(() -> new ConflictOptions(Duration.ofHours(1), Duration.ofDays(8), Duration.ofDays(7),
                Duration.ofSeconds(10))).hasMessageContaining("stale-after");
        assertThatThrownBy(() -> new ConflictOptions(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(7),
                Duration.ofSeconds(10))).hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> new ConflictOptions(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7),
                Duration.ofMillis(10))).hasMessageContaining("sweep interval");
    }
}
