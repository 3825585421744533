package io.ipkeeper.cli.sim;

import io.ipkeeper.gossip.AntiEntropy;
import io.ipkeeper.sim.Durations;
import io.ipkeeper.sim.RunResult;
import io.ipkeeper.sim.RunSettings;
import io.ipkeeper.sim.Scenario;
import io.ipkeeper.sim.Scenarios;
import io.ipkeeper.sim.SeedRange;
import io.ipkeeper.sim.SimRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipkeeper sim run SCENARIO --nodes N --seed S --duration D [--legacy] [--anti-entropy MODE] --out DIR}: one deterministic run;
 * progress on stderr, the summary on stdout, the report files in {@code DIR}. With {@code --seeds 1..5} (or
 * {@code --seeds 5}: five seeds from {@code --seed}) one run per seed into {@code DIR/seed-S} and the aggregate over
 * the seeds in {@code DIR/aggregate.json} (also on stdout).
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

    @Option(names = "--seeds", paramLabel = "A..B|K",
            description = "Several runs: seeds A to B inclusive, or K seeds from --seed; each into DIR/seed-S, "
                    + "median/min/max of every figure into DIR/aggregate.json.")
    String seeds;

    @Option(names = "--duration", paramLabel = "D",
            description = "Simulated time, like 90s or 10m (default: the scenario's own).")
    String duration;

    @Option(names = "--legacy", description = "The 2014 behaviour: dead nodes dropped from the table (replays resurrect them).")
    boolean legacy;

    @Option(names = "--anti-entropy", paramLabel = "MODE",
            description = "memberlist (default: full push/pull, wire-compatible) or digest (ipkeeper's digest-first "
                    + "anti-entropy between ipkeeper nodes).")
    String antiEntropy = "memberlist";

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
        List<Long> seedList;
        try {
            d = duration == null ? s.defaultDuration() : Durations.parse(duration);
            settings = new RunSettings(scenario, nodes, seed, d, legacy, AntiEntropy.parse(antiEntropy));
            seedList = seeds == null ? null : SeedRange.parse(seeds, seed);
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
        if (compareLegacy && seedList != null) {
            err.println("ipkeeper sim run: --compare-legacy runs one seed; run --seeds and --seeds --legacy instead");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        PrintWriter stdout = spec.commandLine().getOut();
        if (seedList != null) {
            stdout.print(SimRunner.runSeeds(settings, seedList, out, progress).toJson());
        } else if (compareLegacy) {
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
