package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.AntiEntropy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulator with {@code --anti-entropy digest}: deterministic like every run, no false positives in calm, and after
 * seed 000's storm (small N) converged sooner than with memberlist's push/pull, whose repair waits for its interval.
 */
class DigestModeTest {

    private static Summary run(String scenario, int nodes, long seed, int seconds, AntiEntropy mode) {
        return SimRunner.run(new RunSettings(scenario, nodes, seed, Duration.ofSeconds(seconds), false, mode), null)
                .summary();
    }

    @Test
    void sameSeedTwiceGivesByteIdenticalSummaryInDigestMode() {
        String first = run("storm", 40, 3, 150, AntiEntropy.DIGEST).toJson();
        assertThat(run("storm", 40, 3, 150, AntiEntropy.DIGEST).toJson()).isEqualTo(first);
        assertThat(first).contains("\"antiEntropy\": \"digest\"");
    }

    @Test
    void steadyInDigestModeHasNoFalsePositivesAndEveryUpdateReachesEveryone() {
        Summary s = run("steady", 60, 1, 150, AntiEntropy.DIGEST);
        assertThat(s.get("falsePositives")).isEqualTo(0L);
        assertThat(s.get("converged")).isEqualTo(true);
        Summary updates = (Summary) s.get("updates");
        assertThat((Integer) updates.get("reached999")).isEqualTo((Integer) updates.get("count")).isPositive();
    }

    @Test
    void afterTheStormDigestModeConvergesBeforeMemberlistMode() {
        Summary digest = run("storm", 50, 0, 300, AntiEntropy.DIGEST);
        Summary memberlist = run("storm", 50, 0, 300, AntiEntropy.MEMBERLIST);
        assertThat(digest.get("converged")).isEqualTo(true);
        assertThat(memberlist.get("converged")).isEqualTo(true);
        assertThat((Double) digest.get("convergedAtSeconds")).isLessThan((Double) memberlist.get("convergedAtSeconds"));
        assertThat(digest.get("falsePositives")).isEqualTo(0L);
    }
}
