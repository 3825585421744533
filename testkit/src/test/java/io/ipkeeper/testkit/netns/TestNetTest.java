package io.ipkeeper.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestNetTest {

    @Test
    void acceptsAddressesInsideTheBenchmarkingRange() {
        assertThat(TestNet.requireTestNetCidr("198.18.0.1/24")).isEqualTo("198.18.0.1/24");
        assertThat(TestNet.requireTestNetCidr(" 198.19.255.254/32 ")).isEqualTo("198.19.255.254/32");
        assertThat(TestNet.requireTestNetCidr("198.18.0.0/15")).isEqualTo("198.18.0.0/15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/24", "192.168.1.1/24", "198.17.255.1/24", "198.20.0.1/24", "127.0.0.1/8"})
    void refusesAddressesOutsideIt(String cidr) {
        assertThatThrownBy(() -> TestNet.requireTestNetCidr(cidr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 198.18.0.0/15");
    }

    @Test
    void refusesPrefixesThatReachOutsideIt() {
        assertThatThrownBy(() -> TestNet.requireTestNetCidr("198.18.0.1/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "198.18.0.1", "198.18.0/24", "198.18.0.256/24", "a.b.c.d/24", "198.18.0.1/x", "198.18.0.1/24/1"})
    void refusesGarbage(String cidr) {
        assertThatThrownBy(() -> TestNet.requireTestNetCidr(cidr)).isInstanceOf(IllegalArgumentException.class);
    }
}
