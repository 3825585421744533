package io.ipkeeper.gossip.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's worked numbers (§4.5, §4.7, §4.8). */
class GossipMathTest {

    @ParameterizedTest(name = "suspicionMult {0}, n {1} -> {2} ms")
    @CsvSource({"4,1,4000", "4,5,4000", "4,10,4000", "4,100,8000", "4,1000,12000", "4,0,4000", "3,2,3000",
            "6,1000,18000", "4,50,6792"}) // 50: log10 = 1.69897, truncated to 1.698 before × 4 s
    void suspicionTimeout(int mult, int n, long millis) {
        assertThat(GossipMath.suspicionTimeoutNanos(mult, n, Duration.ofSeconds(1).toNanos()))
                .isEqualTo(Duration.ofMillis(millis).toNanos());
    }

    @ParameterizedTest(name = "retransmitMult {0}, n {1} -> {2}")
    @CsvSource({"4,1,4", "4,9,4", "4,10,8", "4,99,8", "4,100,12", "4,999,12", "4,1000,16", "2,5,2", "2,50,4",
            "2,500,6", "4,0,0"})
    void retransmitLimit(int mult, int n, int limit) {
        assertThat(GossipMath.retransmitLimit(mult, n)).isEqualTo(limit);
    }

    @ParameterizedTest(name = "n {0} -> {1} s")
    @CsvSource({"1,30", "32,30", "33,60", "64,60", "65,90", "128,90", "129,120", "256,120", "257,150"})
    void pushPullScale(int n, long seconds) {
        assertThat(GossipMath.pushPullScale(Duration.ofSeconds(30), n)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
