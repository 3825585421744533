package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed 000's storm at small N: the fix converges and goes quiet; the 2014 legacy removal keeps flapping. */
class StormTest {

    private static Summary storm(boolean legacy) {
        return SimRunner.run(new RunSettings("storm", 50, 0, Duration.ofSeconds(240), legacy), null).summary();
    }

    @Test
    void stormConvergesWithDeadNodesKept() {
        Summary s = storm(false);
        assertThat(s.get("converged")).isEqualTo(true);
        assertThat(s.get("quiet")).isEqualTo(true);
        assertThat((Long) s.get("packetsDroppedSendQueueFull")).as("the bus was saturated").isPositive();
    }

    @Test
    void stormNeverConvergesWithLegacyDeadRemoval() {
        Summary s = storm(true);
        assertThat(s.get("converged")).isEqualTo(false);
        assertThat(s.get("quiet")).isEqualTo(false);
        assertThat((Integer) s.get("distinctViewsFinal")).isGreaterThan(1);
    }
}
