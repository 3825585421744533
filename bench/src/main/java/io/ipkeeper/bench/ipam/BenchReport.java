package io.ipkeeper.bench.ipam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's result table: one line per measurement, with its goal and whether it passed. */
final class BenchReport {

    private record Line(String measurement, String measured, String goal, String verdict) {}

    private final List<Line> lines = new ArrayList<>();

    /** A measurement without a goal of its own (context for the others). */
    void info(String measurement, String measured) {
        add(new Line(measurement, measured, "", ""));
    }

    /** A latency line: passes when p99 is at most {@code goalMillis} (null: informational). */
    void latency(String measurement, Percentiles p, Double goalMillis) {
        String verdict = goalMillis == null ? "" : p.p99Millis() <= goalMillis ? "PASS" : "FAIL";
        add(new Line(measurement, p.toString(), goalMillis == null ? "" : String.format(Locale.ROOT, "p99 <= %.0f ms", goalMillis),
                verdict));
    }

    /** A throughput ratio line. */
    void ratio(String measurement, ThroughputPhases.Rate rate, double baseline, double goal) {
        double r = rate.perSecond() / baseline;
        add(new Line(measurement, String.format(Locale.ROOT, "%,.0f/s vs %,.0f/s: ratio %.2f; %.2f round trips/alloc, %.1f allocs/batch; %s",
                rate.perSecond(), baseline, r, rate.tripsPerOp(), rate.opsPerCommit(), rate.cpu()),
                String.format(Locale.ROOT, "ratio >= %.1f", goal), r >= goal ? "PASS" : "FAIL"));
    }

    private void add(Line l) {
        lines.add(l);
        System.out.printf(Locale.ROOT, "  %-62s %s %s%n", l.measurement(), l.measured(), l.verdict().isEmpty() ? "" : "[" + l.verdict() + "]");
    }

    void print() {
        System.out.println();
        System.out.println("| measurement | measured | goal | result |");
        System.out.println("| --- | --- | --- | --- |");
        for (Line l : lines) {
            System.out.println("| " + l.measurement() + " | " + l.measured() + " | " + l.goal() + " | "
                    + (l.verdict().isEmpty() ? "" : "**" + l.verdict() + "**") + " |");
        }
    }
}
