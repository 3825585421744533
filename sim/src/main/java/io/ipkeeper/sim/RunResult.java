package io.ipkeeper.sim;

import java.util.List;

/** What one run produced: the deterministic summary and the per-second samples. */
public record RunResult(Summary summary, List<Sample> samples) {}
