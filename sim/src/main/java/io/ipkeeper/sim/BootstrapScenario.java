package io.ipkeeper.sim;

import java.time.Duration;

/** Every node joins over 60 s, each through one random node already up: distinct views and time to converged. */
final class BootstrapScenario implements Scenario {
    @Override
    public String name() {
        return "bootstrap";
    }

    @Override
    public String description() {
        return "all nodes join over 60 s: distinct views seen and time to converged (Rapid: memberlist ~95 s at 2,000)";
    }

    @Override
    public Duration defaultDuration() {
        return Duration.ofSeconds(180);
    }

    @Override
    public void script(Simulation sim) {
        sim.boot(60);
        sim.at(60, sim::disturbed);
    }
}
