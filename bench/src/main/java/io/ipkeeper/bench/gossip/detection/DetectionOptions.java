package io.ipkeeper.bench.gossip.detection;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@code gossip-detection}. */
record DetectionOptions(int kills, String profile, Path jar, Path goPeer, List<String> jvmFlags, int idleSeconds,
        int defaultsSeconds) {

    /**
     * Small, honest JVM settings for a gossip node: a heap that starts at 8 MiB and may grow to 64, one GC thread, C1
     * only with one compiler thread, small stacks, a capped code cache and compact object headers. (Without
     * {@code -Xms8m} the serial collector commits its whole 64 MiB heap at start and touches it as eden cycles.)
     */
    static final List<String> SMALL_JVM = List.of("-Xms8m", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss256k", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=64m",
            "-XX:+UseCompactObjectHeaders");

    static final String USAGE = """
            usage: java -jar bench/target/ipkeeper-bench.jar gossip-detection [options]   (run from the repository root)
              --kills N           kills per cluster (default 10, at least 1)
              --profile lan|local timing profile of every node (default lan)
              --jar PATH          the ipkeeper CLI jar (default cli/target/ipkeeper.jar)
              --go-peer PATH      the Go test peer binary (default: the interop tests' cached build, built if missing)
              --jvm-flags "..."   JVM flags of the Java nodes (default: %s)
              --idle SECONDS      idle window at the end for CPU and RSS (default 60)
              --defaults SECONDS  run one extra Java node with JVM defaults this long for its RSS (default 30; 0 = skip)
            """.formatted(String.join(" ", SMALL_JVM));

    static DetectionOptions parse(String[] args) {
        int kills = 10;
        String profile = "lan";
        Path jar = Path.of("cli/target/ipkeeper.jar");
        Path goPeer = null;
        List<String> flags = SMALL_JVM;
        int idle = 60;
        int defaults = 30;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(require(args[i], value));
                case "--profile" -> profile = require(args[i], value);
                case "--jar" -> jar = Path.of(require(args[i], value));
                case "--go-peer" -> goPeer = Path.of(require(args[i], value));
                case "--jvm-flags" -> flags = Arrays.stream(require(args[i], value).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                case "--idle" -> idle = Integer.parseInt(require(args[i], value));
                case "--defaults" -> defaults = Integer.parseInt(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (kills < 1 || !List.of("lan", "local").contains(profile)) {
            throw new IllegalArgumentException("--kills must be ≥ 1 and --profile lan or local\n" + USAGE);
        }
        return new DetectionOptions(kills, profile, jar, goPeer, flags, idle, defaults);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }
}
