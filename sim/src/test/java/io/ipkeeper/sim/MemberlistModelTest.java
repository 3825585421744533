package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ipkeeper.gossip.GossipConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemberlistModelTest {
    private static final GossipConfig LAN = GossipConfig.lan().name("model").build();

    @Test
    void modelMatchesThePublishedFloorAt1000Nodes() {
        // prior-art-gossip.md §4: 1.58 s until probed + 1 s probe round + 12 s minimum suspicion at 1k nodes.
        assertThat(MemberlistModel.detectionSeconds(LAN, 1000)).isCloseTo(14.58, within(0.01));
        // random push, fanout 3, 200 ms rounds: 7.3 rounds ≈ 1.46 s.
        assertThat(MemberlistModel.disseminationSeconds(LAN, 1000)).isCloseTo(1.46, within(0.01));
    }

    @Test
    void simulatedCrashAt100NodesIsWithin20PercentOfTheModel() {
        Summary s = SimRunner.run(new RunSettings("crash", 100, 1, Duration.ofSeconds(100), false), null).summary();
        Summary crashes = (Summary) s.get("crashes");
        double first = ((Number) crashes.get("firstMedianSeconds")).doubleValue();
        double all = ((Number) crashes.get("reached999MedianSeconds")).doubleValue();
        double modelFirst = MemberlistModel.detectionSeconds(LAN, 100);
        double modelAll = MemberlistModel.reached999Seconds(LAN, 100);
        assertThat(first).as("detection vs model %.2f s", modelFirst).isCloseTo(modelFirst, within(0.2 * modelFirst));
        assertThat(all).as("99.9%% vs model %.2f s", modelAll).isCloseTo(modelAll, within(0.2 * modelAll));
    }
}
