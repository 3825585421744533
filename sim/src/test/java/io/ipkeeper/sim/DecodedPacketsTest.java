package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Packets travelling decoded (the default: the sender encodes for the exact size, the receiver gets the messages) give
 * the same run as packets travelling as bytes that every receiver decodes: byte-identical {@code summary.json}, in
 * scenarios with loss-free LAN links, crashes, and a saturated send budget with stale replays.
 */
class DecodedPacketsTest {

    private static String run(String scenario, int nodes, long seed, int seconds, boolean legacy, boolean bytes) {
        RunSettings settings = new RunSettings(scenario, nodes, seed, Duration.ofSeconds(seconds), legacy);
        Simulation sim = new Simulation(settings, Scenarios.named(scenario).orElseThrow());
        sim.packetBytes = bytes;
        return sim.run(t -> {}).summary().toJson();
    }

    @Test
    void steadyIsTheSameDecodedAndEncoded() {
        String decoded = run("steady", 50, 3, 90, false, false);
        assertThat(run("steady", 50, 3, 90, false, true)).isEqualTo(decoded);
    }

    @Test
    void crashIsTheSameDecodedAndEncoded() {
        String decoded = run("crash", 50, 4, 90, false, false);
        assertThat(run("crash", 50, 4, 90, false, true)).isEqualTo(decoded);
    }

    @Test
    void stormWithReplaysAndBudgetIsTheSameDecodedAndEncodedWithAndWithoutLegacy() {
        String decoded = run("storm", 40, 0, 150, false, false);
        assertThat(run("storm", 40, 0, 150, false, true)).isEqualTo(decoded);
        String legacy = run("storm", 40, 0, 150, true, false);
        assertThat(run("storm", 40, 0, 150, true, true)).isEqualTo(legacy);
    }
}
