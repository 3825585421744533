package io.ipkeeper.bench.http;

import io.ipkeeper.bench.http.LoadRun.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Engine, HTTP, engine again for each workload; prints each line as measured and a Markdown table at the end. */
final class ComparisonTable {

    interface Phase {
        Result run() throws Exception;
    }

    private final List<String> rows = new ArrayList<>();

    /** Runs engine, HTTP, engine; the HTTP rate is compared with the mean engine rate (load drift hits both). */
    void compare(String workload, Phase engine, Phase http) throws Exception {
        Result before = engine.run();
        row(workload, "engine (before)", before);
        Result h = http.run();
        row(workload, "HTTP", h);
        Result after = engine.run();
        row(workload, "engine (after)", after);
        double mean = (before.perSecond() + after.perSecond()) / 2;
        String ratio = String.format(Locale.ROOT, "| %s | **HTTP / engine** | **%.2f** | | | |", workload,
                h.perSecond() / mean);
        rows.add(ratio);
        System.out.println(ratio);
    }

    private void row(String workload, String path, Result r) {
        String line = String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %s |", workload, path, r.perSecond(),
                r.latency() == null ? 0 : r.latency().p50Millis(), r.latency() == null ? 0 : r.latency().p99Millis(),
                outcomes(r.outcomes()));
        rows.add(line);
        System.out.println(line);
    }

    private static String outcomes(Map<Integer, Long> outcomes) {
        StringBuilder b = new StringBuilder();
        outcomes.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k == 0 ? "error" : k).append(": ").append(v));
        return b.toString();
    }

    void print() {
        System.out.println();
        System.out.println("| workload | path | allocations/s | p50 ms | p99 ms | outcomes (status: calls) |");
        System.out.println("| --- | --- | ---: | ---: | ---: | --- |");
        rows.forEach(System.out::println);
    }
}
