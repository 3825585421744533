package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each scenario at small N: the properties the issue asks for. Virtual time only; no timed assertions. */
class ScenarioRunsTest {

    private static Summary run(String scenario, int nodes, long seed, int seconds) {
        return SimRunner.run(new RunSettings(scenario, nodes, seed, Duration.ofSeconds(seconds), false), null)
                .summary();
    }

    @Test
    void sameSeedTwiceGivesByteIdenticalSummary() {
        String first = run("crash", 40, 7, 90).toJson();
        String second = run("crash", 40, 7, 90).toJson();
        assertThat(second).isEqualTo(first);
        assertThat(run("crash", 40, 8, 90).toJson()).isNotEqualTo(first);
    }

    @Test
    void steadyHasNoFalsePositivesAndConverges() {
        Summary s = run("steady", 60, 1, 150);
        assertThat(s.get("falsePositives")).isEqualTo(0L);
        assertThat(s.get("converged")).isEqualTo(true);
        assertThat(s.get("liveNodesFinal")).isEqualTo(60);
        Summary updates = (Summary) s.get("updates");
        assertThat((Integer) updates.get("reached999")).isEqualTo((Integer) updates.get("count")).isPositive();
    }

    @Test
    void crashedNodesAreDetectedEverywhere() {
        Summary s = run("crash", 60, 2, 120);
        Summary crashes = (Summary) s.get("crashes");
        assertThat(crashes.get("count")).isEqualTo(1);
        assertThat(crashes.get("reached999")).isEqualTo(1);
        assertThat(s.get("falsePositives")).isEqualTo(0L);
        assertThat(s.get("converged")).isEqualTo(true);
        assertThat(s.get("liveNodesFinal")).isEqualTo(59);
    }

    @Test
    void partitionHealsWithoutOperatorAction() {
        Summary s = run("partition", 40, 3, 300);
        assertThat(s.get("converged")).isEqualTo(true);
        assertThat((Integer) s.get("distinctViewsMax")).isGreaterThan(1);
        assertThat(s.get("liveNodesFinal")).isEqualTo(40);
    }

    @Test
    void bootstrapOfManyJoiningNodesConverges() {
        Summary s = run("bootstrap", 60, 1, 150);
        assertThat(s.get("converged")).isEqualTo(true);
        // Nodes joining one by one see the cluster grow: many sizes, never more than the cluster.
        assertThat((Integer) s.get("distinctSizesSeen")).isGreaterThan(10).isLessThanOrEqualTo(60);
        assertThat(s.get("liveNodesFinal")).isEqualTo(60);
        assertThat(s.get("falsePositives")).isEqualTo(0L);
    }

    @Test
    void aStarvedNodeAccusesHealthyMembersToDeathOnlyWithoutLifeguard() {
        Summary lifeguard = run("slow-node", 100, 1, 60);
        Summary swim = run("slow-node-swim", 100, 1, 60);
        assertThat((Long) lifeguard.get("suspicions")).as("the starved node is suspected").isPositive();
        assertThat(lifeguard.get("falsePositivesHealthy")).isEqualTo(0L);
        assertThat((Long) swim.get("falsePositivesHealthy")).as("plain SWIM believes the starved node").isPositive();
        assertThat(lifeguard.get("liveNodesFinal")).isEqualTo(100);
        assertThat(swim.get("liveNodesFinal")).isEqualTo(100);
    }
}
