package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GilbertElliottTest {

    @Test
    void stationaryLossWeighsBothStatesByTheirLongRunShare() {
        GilbertElliott ge = new GilbertElliott(0.01, 0.1, 0.001, 0.5);
        assertThat(ge.stationaryBad()).isCloseTo(0.01 / 0.11, within(1e-12));
        assertThat(ge.stationaryLoss()).isCloseTo(0.01 / 0.11 * 0.5 + 0.1 / 0.11 * 0.001, within(1e-12));
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalOrANeverEndingBadStateAreRejected() {
        assertThatThrownBy(() -> new GilbertElliott(-0.1, 0.1, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GilbertElliott(0.1, 0, 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("badToGood > 0");
        assertThatThrownBy(() -> new GilbertElliott(0.1, 0.1, 0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GilbertElliott(Double.NaN, 0.1, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
