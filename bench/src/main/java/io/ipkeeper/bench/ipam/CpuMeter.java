package io.ipkeeper.bench.ipam;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the PostgreSQL backends serving the benchmark's database, from Linux's
 * {@code /proc}. On a shared 2-core machine throughput moves with other people's load, but CPU per operation on each
 * side hardly does, so this is what tells whether a change made an allocation cheaper. PostgreSQL's shared processes
 * (WAL writer, checkpointer) are not counted: they serve every database of the server.
 */
final class CpuMeter {

    /** {@code getconf CLK_TCK}: 100 on every Linux the project runs on; /proc counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds of both sides at one moment, and the JIT compilers' accumulated time. */
    record Sample(double jvmSeconds, double pgSeconds, long jitMillis) {}

    private final String database;

    /** @param database the name PostgreSQL shows in its backends' process titles */
    CpuMeter(String database) {
        this.database = database;
    }

    Sample sample() {
        var jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        return new Sample(jvmSeconds(), pgSeconds(), jitMillis);
    }

    private static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /**
     * Sums utime + stime of every process titled {@code postgres: <user> <database> ...}. A backend that exits between
     * two samples takes its time with it; the benchmark's pool keeps its connections for the whole run.
     */
    private double pgSeconds() {
        String marker = " " + database + " ";
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (!cmd.startsWith("postgres: ") || !cmd.contains(marker)) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    // fields after the command name, which is in parentheses and may itself contain spaces
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
                } catch (IOException | RuntimeException e) {
                    // the process ended while we read it
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }
}
