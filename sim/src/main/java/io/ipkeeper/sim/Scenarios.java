package io.ipkeeper.sim;

import java.util.List;
import java.util.Optional;

/** Every scenario, in the order {@code ipkeeper sim list} shows them. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(new SteadyScenario(), new CrashScenario(),
            new PartitionScenario(), new StormScenario(), new SlowNodeScenario(true), new SlowNodeScenario(false),
            new BootstrapScenario());

    private Scenarios() {}

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
