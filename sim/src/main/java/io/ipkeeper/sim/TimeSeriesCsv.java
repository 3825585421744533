package io.ipkeeper.sim;

import java.util.List;
import java.util.Locale;

/** The per-second samples as CSV, one row per simulated second. */
final class TimeSeriesCsv {
    private TimeSeriesCsv() {}

    static String write(List<Sample> samples) {
        StringBuilder b = new StringBuilder("second,live,distinctViews,consistent,suspicions,deadDeclarations,"
                + "falsePositives,bytesPerNode,messagesPerNode,queuedBroadcasts,sendQueueDrops\n");
        for (Sample s : samples) {
            b.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%.1f,%.2f,%d,%d%n", s.second(), s.live(),
                    s.distinctViews(), s.consistent() ? 1 : 0, s.suspicions(), s.deadDeclarations(),
                    s.falsePositives(), s.bytesPerNode(), s.messagesPerNode(), s.queuedBroadcasts(), s.queueDrops()));
        }
        return b.toString();
    }
}
