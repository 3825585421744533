package io.ipkeeper.bench.gossip.detection;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The Markdown report of one {@code gossip-detection} run. */
record DetectionReport(DetectionOptions options, List<String> jvmFlags, Instant startedAt, long killPhaseNanos,
        Cluster go, Cluster java, FalseReports goFalse, FalseReports javaFalse,
        FailureDetectionBench.Idle goIdle, FailureDetectionBench.Idle javaIdle, ResourceSampler sampler,
        FailureDetectionBench.DefaultsNode defaults) {

    void print(PrintStream out) {
        Durations g = durations(go);
        Durations j = durations(java);
        List<Double> load = sampler.loadSamples();
        out.printf(Locale.ROOT, "%n## gossip-detection: %s profile, %d nodes per cluster, %d kills per cluster%n%n",
                options.profile(), go.names().size(), options.kills());
        out.printf(Locale.ROOT, "started %s; kill phase %.0f s; 1-min load average during the run: min %.1f, median %.1f, max %.1f (%d cores)%n",
                startedAt, killPhaseNanos / 1e9, min(load), median(load), max(load),
                Runtime.getRuntime().availableProcessors());
        out.printf("Java nodes: java %s -jar %s gossip …%n%n", String.join(" ", jvmFlags), options.jar());

        out.println("| | Go memberlist 0.2.2 | ipkeeper gossip | Java / Go |");
        out.println("| --- | --- | --- | --- |");
        row(out, "kills measured (missed)", g.count() + " (" + missed(go) + ")", j.count() + " (" + missed(java) + ")", "");
        row(out, "detection, median", secs(g.medianSeconds()), secs(j.medianSeconds()),
                ratio(j.medianSeconds(), g.medianSeconds()));
        row(out, "detection, p90", secs(g.p90Seconds()), secs(j.p90Seconds()), ratio(j.p90Seconds(), g.p90Seconds()));
        row(out, "detection, min – max", secs(g.minSeconds()) + " – " + secs(g.maxSeconds()),
                secs(j.minSeconds()) + " – " + secs(j.maxSeconds()), "");
        row(out, "false failures (`leave` about a live node)", "" + goFalse.failures(), "" + javaFalse.failures(), "");
        row(out, "false suspicions raised (probe of a live node failed)", "" + goFalse.suspicionsRaised(),
                "" + javaFalse.suspicionsRaised(), "");
        row(out, "live node listed `suspect` in a snapshot", "" + goFalse.suspectSnapshots(),
                "" + javaFalse.suspectSnapshots(), "");
        row(out, "suspicions raised about the killed node", "" + goFalse.expectedSuspicionsRaised(),
                "" + javaFalse.expectedSuspicionsRaised(), "");
        row(out, "CPU per node, idle window (ms CPU / s)", num(goIdle.cpuMillisPerSecondPerNode),
                num(javaIdle.cpuMillisPerSecondPerNode), ratio(javaIdle.cpuMillisPerSecondPerNode, goIdle.cpuMillisPerSecondPerNode));
        double goCpu = totalCpu(go) / go.names().size();
        double javaCpu = totalCpu(java) / java.names().size();
        row(out, "CPU seconds per node, whole run incl. restarts", num(goCpu), num(javaCpu), ratio(javaCpu, goCpu));
        row(out, "RSS per node, end of idle window (MiB)", num(goIdle.rssMibPerNode), num(javaIdle.rssMibPerNode),
                ratio(javaIdle.rssMibPerNode, goIdle.rssMibPerNode));
        row(out, "RSS, largest node sample (MiB)", num(sampler.peakRssKib(go) / 1024.0),
                num(sampler.peakRssKib(java) / 1024.0), "");
        if (defaults != null) {
            row(out, "one Java node with JVM defaults: RSS (MiB) / CPU (ms/s)", "", num(defaults.rssMib()) + " / "
                    + num(defaults.cpuMillisPerSecond()), "");
        }
        out.println();
        out.println("per kill (seconds until every survivor reported the node dead):");
        for (Cluster c : List.of(go, java)) {
            StringBuilder sb = new StringBuilder("  " + c.label() + ":");
            for (Cluster.KillWindow w : c.windows()) {
                sb.append(' ').append(w.victim()).append('=')
                        .append(w.detectionNanos() < 0 ? "missed" : String.format(Locale.ROOT, "%.2f", w.detectionNanos() / 1e9));
            }
            out.println(sb);
        }
        for (FalseReports f : List.of(goFalse, javaFalse)) {
            if (!f.examples().isEmpty()) {
                out.println("false reports (" + (f == goFalse ? "Go" : "Java") + ", first 10): " + f.examples());
            }
        }
    }

    private static Durations durations(Cluster c) {
        return Durations.of(c.windows().stream().mapToLong(Cluster.KillWindow::detectionNanos).filter(n -> n >= 0).toArray());
    }

    private static long missed(Cluster c) {
        return c.windows().stream().filter(w -> w.detectionNanos() < 0).count();
    }

    private static double totalCpu(Cluster c) {
        return c.allProcesses().stream().map(NodeProcess::lastStats).filter(s -> s != null)
                .mapToDouble(ProcStats::cpuSeconds).sum();
    }

    private static void row(PrintStream out, String what, String goValue, String javaValue, String ratio) {
        out.printf("| %s | %s | %s | %s |%n", what, goValue, javaValue, ratio);
    }

    private static String secs(double s) {
        return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
