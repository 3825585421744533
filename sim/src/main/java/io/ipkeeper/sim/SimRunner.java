package io.ipkeeper.sim;

import io.ipkeeper.gossip.AntiEntropy;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs one scenario and writes its report: {@code summary.json} (deterministic), {@code run.json} (wall time,
 * events/s, heap: not deterministic), {@code timeseries.csv} and {@code chart.svg}. Progress goes to {@code progress}.
 */
public final class SimRunner {
    private SimRunner() {}

    /** Runs without writing anything; progress (if not null) once per 10 simulated seconds. */
    public static RunResult run(RunSettings settings, Consumer<String> progress) {
        return measured(settings, progress).result();
    }

    /** A run and the heap its simulation held at the end (after a full GC, with the simulation still reachable). */
    private record Measured(RunResult result, long liveHeapBytes) {}

    private static Measured measured(RunSettings settings, Consumer<String> progress) {
        Scenario scenario = Scenarios.named(settings.scenario()).orElseThrow(
                () -> new IllegalArgumentException("unknown scenario '" + settings.scenario() + "'"));
        Simulation sim = new Simulation(settings, scenario);
        long wallStart = System.nanoTime();
        long[] lastReport = {wallStart, 0};
        RunResult result = sim.run(t -> {
            if (progress == null || t % (10 * Simulation.SECOND) != 0) {
                return;
            }
            long wall = System.nanoTime();
            long events = sim.loop.executed();
            double rate = (events - lastReport[1]) / Math.max(1e-9, (wall - lastReport[0]) / 1e9);
            progress.accept(String.format(Locale.ROOT, "sim %s: %ds of %ds simulated, %d live, %.0f events/s",
                    settings.scenario(), t / Simulation.SECOND, settings.duration().toSeconds(), sim.liveCount(), rate));
            lastReport[0] = wall;
            lastReport[1] = events;
        });
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long live = rt.totalMemory() - rt.freeMemory();
        Reference.reachabilityFence(sim);
        return new Measured(result, live);
    }

    /** Runs and writes the report into {@code out} (created if needed). */
    public static RunResult runAndReport(RunSettings settings, Path out, Consumer<String> progress) throws IOException {
        Runtime rt = Runtime.getRuntime();
        long wallStart = System.nanoTime();
        Measured measured = measured(settings, progress);
        RunResult result = measured.result();
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Files.createDirectories(out);
        write(out.resolve("summary.json"), result.summary().toJson());
        long events = ((Number) result.summary().get("events")).longValue();
        Summary run = new Summary()
                .put("scenario", settings.scenario())
                .put("nodes", settings.nodes())
                .put("seed", settings.seed())
                .put("simulatedSeconds", settings.duration().toSeconds())
                .put("wallSeconds", Metrics.round(wallSeconds))
                .put("events", events)
                .put("eventsPerSecond", Math.round(events / Math.max(1e-9, wallSeconds)))
                .put("wallSecondsPerSimulatedMinute", Metrics.round(wallSeconds * 60 / settings.duration().toSeconds()))
                .put("heapLiveAtEndMiB", measured.liveHeapBytes() >> 20)
                .put("heapMaxMiB", rt.maxMemory() >> 20)
                .put("processors", rt.availableProcessors());
        write(out.resolve("run.json"), run.toJson());
        write(out.resolve("timeseries.csv"), TimeSeriesCsv.write(result.samples()));
        String title = String.format(Locale.ROOT, "%s, %d nodes, seed %d%s", settings.scenario(), settings.nodes(),
                settings.seed(), settings.legacy() ? ", legacy" : "");
        write(out.resolve("chart.svg"), SvgChart.write(title, result.samples()));
        return result;
    }

    /**
     * Runs the scenario as given (without the legacy removal) into {@code out}, the same with {@code --legacy} into
     * {@code out/legacy}, and draws both in {@code out/compare.svg}. Returns {fixed, legacy}.
     */
    public static RunResult[] runWithLegacyComparison(RunSettings settings, Path out, Consumer<String> progress)
            throws IOException {
        RunSettings fixed = settings.withLegacy(false);
        RunSettings legacy = settings.withLegacy(true);
        RunResult a = runAndReport(fixed, out, progress);
        RunResult b = runAndReport(legacy, out.resolve("legacy"), progress);
        String title = String.format(Locale.ROOT, "%s, %d nodes, seed %d%s: dead nodes kept vs legacy removal",
                settings.scenario(), settings.nodes(), settings.seed(),
                settings.antiEntropy() == AntiEntropy.MEMBERLIST ? "" : ", " + settings.antiEntropy().label()
                        + " anti-entropy");
        write(out.resolve("compare.svg"), SvgChart.compare(title, List.of(
                new SvgChart.Run("dead nodes kept (fix)", "#1f77b4", a.samples()),
                new SvgChart.Run("legacy (2014) removal", "#d62728", b.samples()))));
        return new RunResult[] {a, b};
    }

    /**
     * Runs the scenario once per seed (settings as given, the seed replaced) into {@code out/seed-S}, and writes
     * {@code out/aggregate.json} ({@link Aggregate}). Returns the aggregate.
     */
    public static Summary runSeeds(RunSettings settings, List<Long> seeds, Path out, Consumer<String> progress)
            throws IOException {
        List<Summary> summaries = new ArrayList<>();
        for (long seed : seeds) {
            RunSettings one = settings.withSeed(seed);
            summaries.add(runAndReport(one, out.resolve("seed-" + seed), progress).summary());
        }
        Summary aggregate = Aggregate.of(summaries);
        Files.createDirectories(out);
        write(out.resolve("aggregate.json"), aggregate.toJson());
        return aggregate;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
