package io.ipkeeper.bench.gossip.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a live process, from Linux's {@code /proc}. */
record ProcStats(double cpuSeconds, long rssKib) {

    /** {@code getconf CLK_TCK}: 100 on every Linux the project runs on; /proc counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Null when the process is gone (or not on Linux). */
    static ProcStats read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may itself contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15 of the line
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcStats(ticks / TICKS_PER_SECOND, rss);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
