package io.ipkeeper.bench.ipam;

import java.util.Arrays;
import java.util.Locale;

/** p50/p99/max of a set of latency samples in nanoseconds. */
public record Percentiles(double p50Millis, double p99Millis, double maxMillis, int samples) {

    public static Percentiles of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Percentiles(s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[s.length - 1] / 1e6, s.length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, max %.1f ms (%d calls)", p50Millis, p99Millis, maxMillis, samples);
    }
}
