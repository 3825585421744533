package io.ipkeeper.sim;

import java.util.List;
import java.util.stream.LongStream;

/** The seeds of a multi-seed run, written {@code A..B} (inclusive) or {@code K} (K seeds from the first seed). */
public final class SeedRange {
    /** Enough for any benchmark, small enough that a typo cannot queue a week of runs. */
    static final int MAX_SEEDS = 1_000;

    private SeedRange() {}

    public static List<Long> parse(String text, long firstSeed) {
        String t = text.trim();
        try {
            int dots = t.indexOf("..");
            long from;
            long to;
            if (dots >= 0) {
                from = Long.parseLong(t.substring(0, dots));
                to = Long.parseLong(t.substring(dots + 2));
            } else {
                long count = Long.parseLong(t);
                if (count < 1) {
                    throw new IllegalArgumentException();
                }
                from = firstSeed;
                to = Math.addExact(firstSeed, count - 1);
            }
            if (to < from || to - from >= MAX_SEEDS) {
                throw new IllegalArgumentException();
            }
            return LongStream.rangeClosed(from, to).boxed().toList();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("seeds '" + text + "' must look like 1..5 (inclusive, ascending) or 5"
                    + " (that many seeds from --seed), at most " + MAX_SEEDS + " seeds");
        }
    }
}
