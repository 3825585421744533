package io.ipkeeper.gossip.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Lifeguard dogpile (memberlist {@code suspicion_test.go}): timeout shrinks from max to min with k confirmations. */
class SuspicionTest {
    private static final long S = 1_000_000_000L;
    private static final long START = 100 * S;

    @Test
    void startsAtMaxAndShrinksToMinAfterKDistinctConfirmations() {
        Suspicion s = new Suspicion("accuser", 3, 2 * S, 30 * S, START);
        assertThat(s.deadlineNanos()).isEqualTo(START + 30 * S);
        assertThat(s.confirm("b")).isTrue();
        // 30 - 28·ln2/ln4 = 16 s
        assertThat(s.deadlineNanos()).isEqualTo(START + 16 * S);
        assertThat(s.confirm("c")).isTrue();
        // 30 - 28·ln3/ln4 = 30 - 22.1896 = 7.8104 s, floored to 7810 ms
        assertThat(s.deadlineNanos()).isEqualTo(START + 7_810_000_000L);
        assertThat(s.confirm("d")).isTrue();
        assertThat(s.deadlineNanos()).isEqualTo(START + 2 * S);
        assertThat(s.confirmations()).isEqualTo(3);
    }

    @Test
    void theAccuserAndRepeatedConfirmersDoNotCount() {
        Suspicion s = new Suspicion("accuser", 3, 2 * S, 30 * S, START);
        assertThat(s.confirm("accuser")).isFalse();
        assertThat(s.confirm("b")).isTrue();
        assertThat(s.confirm("b")).isFalse();
        assertThat(s.confirmations()).isEqualTo(1);
    }

    @Test
    void confirmationsBeyondKAreNotCounted() {
        Suspicion s = new Suspicion("a", 1, 2 * S, 30 * S, START);
        assertThat(s.confirm("b")).isTrue();
        assertThat(s.confirm("c")).isFalse();
        assertThat(s.deadlineNanos()).isEqualTo(START + 2 * S);
    }

    @Test
    void withNoConfirmationsExpectedTheTimerIsMinFromTheStart() {
        Suspicion s = new Suspicion("a", 0, 2 * S, 30 * S, START);
        assertThat(s.deadlineNanos()).isEqualTo(START + 2 * S);
        assertThat(s.confirm("b")).isFalse();
    }

    @Test
    void remainingTimeMayBeNegativeWhenAConfirmationArrivesLate() {
        Suspicion s = new Suspicion("a", 2, 4 * S, 24 * S, START);
        long now = START + 20 * S;
        s.confirm("b");
        s.confirm("c");
        assertThat(s.remainingNanos(now)).isEqualTo(-16 * S);
    }

    @Test
    void minGreaterThanMaxIsRejected() {
        assertThatThrownBy(() -> new Suspicion("a", 1, 5 * S, 4 * S, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min");
    }

    @Test
    void dogpileFormulaMatchesTheSpec() {
        // max(min, max - (max - min) * log(n+1)/log(k+1)), LAN n <= 10: min 4 s, max 24 s, k 2
        assertThat(GossipMath.dogpileTimeoutNanos(0, 2, 4 * S, 24 * S)).isEqualTo(24 * S);
        assertThat(GossipMath.dogpileTimeoutNanos(1, 2, 4 * S, 24 * S)).isEqualTo(11_381_000_000L);
        assertThat(GossipMath.dogpileTimeoutNanos(2, 2, 4 * S, 24 * S)).isEqualTo(4 * S);
        assertThat(GossipMath.dogpileTimeoutNanos(5, 2, 4 * S, 24 * S)).isEqualTo(4 * S);
        assertThat(GossipMath.dogpileTimeoutNanos(3, 0, 4 * S, 24 * S)).isEqualTo(4 * S);
    }
}
