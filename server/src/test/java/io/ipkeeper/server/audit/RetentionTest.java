package io.ipkeeper.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void foreverKeepsEverything() {
        assertThat(Retention.parse("forever")).isEqualTo(Retention.FOREVER);
        assertThat(Retention.parse(" Forever ").cutoff(Instant.EPOCH)).isEmpty();
        assertThat(Retention.FOREVER.toString()).isEqualTo("forever");
    }

    @Test
    void aDurationKeepsThatLong() {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        assertThat(Retention.parse("P365D").cutoff(now)).contains(now.minus(Duration.ofDays(365)));
        assertThat(Retention.parse("pt720h").keep()).isEqualTo(Duration.ofHours(720));
    }

    @Test
    void anythingElseSaysWhatToWrite() {
        assertThatThrownBy(() -> Retention.parse("1 year")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'forever' or an ISO-8601 duration");
        assertThatThrownBy(() -> Retention.parse("PT0S")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Retention.parse("-P1D")).hasMessageContaining("positive");
    }
}
