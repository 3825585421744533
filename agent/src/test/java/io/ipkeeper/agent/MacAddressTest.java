package io.ipkeeper.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void parsesAndPrintsColonForm() {
        MacAddress mac = MacAddress.parse("02:AB:cd:00:10:ff");
        assertThat(mac).hasToString("02:ab:cd:00:10:ff");
        assertThat(MacAddress.of(mac.toBytes())).isEqualTo(mac).hasSameHashCodeAs(mac);
        assertThat(mac.isMulticast()).isFalse();
        assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
        assertThat(MacAddress.ZERO.isZero()).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> MacAddress.parse("02:ab:cd:00:10")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a MAC");
        assertThatThrownBy(() -> MacAddress.parse("02-ab-cd-00-10-ff")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
