package io.ipkeeper.gossip.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** memberlist {@code awareness_test.go}: score clamped to [0, max − 1], timeouts scaled by score + 1. */
class AwarenessTest {

    @Test
    void scoreIsClampedAndScalesTimeouts() {
        Awareness a = new Awareness(8);
        int[][] deltaThenScore = {{0, 0}, {-1, 0}, {-10, 0}, {1, 1}, {-1, 0}, {10, 7}, {-1, 6}, {-1, 5}, {-1, 4},
                {-1, 3}, {-1, 2}, {-1, 1}, {-1, 0}, {-1, 0}};
        for (int[] step : deltaThenScore) {
            a.applyDelta(step[0]);
            assertThat(a.score()).as("after delta %d", step[0]).isEqualTo(step[1]);
            assertThat(a.scale(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(step[1] + 1));
        }
    }

    @Test
    void hugeDeltasDoNotOverflow() {
        Awareness a = new Awareness(8);
        a.applyDelta(Integer.MAX_VALUE);
        a.applyDelta(Integer.MAX_VALUE);
        assertThat(a.score()).isEqualTo(7);
        a.applyDelta(Integer.MIN_VALUE);
        assertThat(a.score()).isZero();
        assertThat(a.scaleNanos(500)).isEqualTo(500);
    }

    @Test
    void maxOfOneDisablesScaling() {
        Awareness a = new Awareness(1);
        a.applyDelta(5);
        assertThat(a.score()).isZero();
        assertThatThrownBy(() -> new Awareness(0)).hasMessageContaining("awarenessMaxMultiplier (0) must be at least 1");
    }
}
