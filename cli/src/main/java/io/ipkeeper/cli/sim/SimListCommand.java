package io.ipkeeper.cli.sim;

import io.ipkeeper.sim.Scenario;
import io.ipkeeper.sim.Scenarios;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ipkeeper sim list}: the scenarios, their default durations and what they measure. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the simulator's scenarios.")
public final class SimListCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Scenario s : Scenarios.all()) {
            out.printf("%-15s %6ds  %s%n", s.name(), s.defaultDuration().toSeconds(), s.description());
        }
        out.flush();
    }
}
