package io.ipkeeper.cli.sim;

import io.ipkeeper.sim.Durations;
import io.ipkeeper.sim.RunResult;
import io.ipkeeper.sim.RunSettings;
import io.ipkeeper.sim.Scenario;
import io.ipkeeper.sim.Scenarios;
import io.ipkeeper.sim.SimRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipkeeper sim run SCENARIO --nodes N --seed S --duration D [--legacy] --out DIR}: one deterministic run;
 * progress on stderr, the summary on stdout, the report files in {@code DIR}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one scenario and write summary.json, run.json, timeseries.csv and chart.svg.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ran (whether or not the cluster converged)", "2:bad arguments"})
public final class SimRunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario from 'ipkeeper sim list'.")
    String scenario;

    @Option(names = "--nodes", paramLabel = "N", description = "Cluster size (default: ${DEFAULT-VALUE}).")
    int nodes = 200;

    @Option(names = "--seed", paramLabel = "S", description = "Seed: same seed, same run (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--duration", paramLabel = "D",
            description = "Simulated time, like 90s or 10m (default: the scenario's own).")
    String duration;

    @Option(names = "--legacy", description = "The 2014 behaviour: dead nodes dropped from the table (replays resurrect them).")
    boolean legacy;

    @Option(names = "--compare-legacy",
            description = "Also run with --legacy (into DIR/legacy) and draw both runs in DIR/compare.svg.")
    boolean compareLegacy;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the report files.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Scenario s = Scenarios.named(scenario).orElse(null);
        if (s == null) {
            err.println("ipkeeper sim run: unknown scenario '" + scenario + "'; see 'ipkeeper sim list'");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Duration d;
        RunSettings settings;
        try {
            d = duration == null ? s.defaultDuration() : Durations.parse(duration);
            settings = new RunSettings(scenario, nodes, seed, d, legacy);
        } catch (IllegalArgumentException e) {
            err.println("ipkeeper sim run: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (compareLegacy && legacy) {
            err.println("ipkeeper sim run: --compare-legacy already runs both; drop --legacy");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        PrintWriter stdout = spec.commandLine().getOut();
        if (compareLegacy) {
            for (RunResult r : SimRunner.runWithLegacyComparison(settings, out, progress)) {
                stdout.print(r.summary().toJson());
            }
        } else {
            stdout.print(SimRunner.runAndReport(settings, out, progress).summary().toJson());
        }
        stdout.flush();
        err.println("report written to " + out);
        err.flush();
        return CommandLine.ExitCode.OK;
    }
}
