package io.ipkeeper.bench.gossip.detection;

import java.util.Arrays;

/** Median and p90 (nearest rank) of detection times. */
record Durations(double medianSeconds, double p90Seconds, double minSeconds, double maxSeconds, int count) {

    static Durations of(long[] nanos) {
        if (nanos.length == 0) {
            return new Durations(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] s = Arrays.stream(nanos).sorted().mapToDouble(n -> n / 1e9).toArray();
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        double p90 = s[(int) Math.ceil(0.9 * n) - 1];
        return new Durations(median, p90, s[0], s[n - 1], n);
    }
}
