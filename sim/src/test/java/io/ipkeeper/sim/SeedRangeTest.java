package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeedRangeTest {

    @Test
    void aRangeIsInclusiveAndACountStartsAtTheFirstSeed() {
        assertThat(SeedRange.parse("1..5", 0)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(SeedRange.parse("7..7", 0)).containsExactly(7L);
        assertThat(SeedRange.parse("3", 0)).containsExactly(0L, 1L, 2L);
        assertThat(SeedRange.parse(" 2 ", 10)).containsExactly(10L, 11L);
    }

    @Test
    void descendingEmptyOrHugeRangesAreRejected() {
        for (String bad : new String[] {"5..1", "0", "-2", "1..", "x", "1..5000", ""}) {
            assertThatThrownBy(() -> SeedRange.parse(bad, 0)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1..5");
        }
    }
}
