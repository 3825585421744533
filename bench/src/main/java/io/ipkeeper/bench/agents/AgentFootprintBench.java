package io.ipkeeper.bench.agents;

import io.ipkeeper.testkit.netns.CommandResult;
import io.ipkeeper.testkit.netns.Namespace;
import io.ipkeeper.testkit.netns.NamespaceProcess;
import io.ipkeeper.testkit.netns.NetnsLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar ipkeeper-bench.jar agent-footprint [--jar PATH] [--idle S] [--flood S] [--rate N] [--stations K]
 * [--jvm-flags "…"]}: the real agent's memory and CPU, idle and under an ARP flood (issue 9 benchmark). Needs root
 * (network namespaces, {@code CAP_NET_RAW}).
 *
 * <p>Two namespaces joined by a veth pair, addresses from 198.18.0.0/24 only, torn down at the end. Namespace
 * {@code host} runs {@code ipkeeper server} (embedded H2, on the namespace's own loopback) and {@code ipkeeper agent
 * --interface eth0} (198.18.0.2), both from {@code cli/target/ipkeeper.jar}; namespace {@code flood} (198.18.0.3) runs
 * {@link ArpFlood}. After the agent's start line and a settling pause, RSS ({@code VmRSS}) and CPU ({@code utime +
 * stime}) of the agent process are read from {@code /proc} over the idle window, then over the flood window; frames
 * the agent heard come from its own {@code /metrics}.
 */
public final class AgentFootprintBench {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Pattern METRIC = Pattern.compile("^(ipkeeper_agent_\\w+)\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);

    private AgentFootprintBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path jar = Path.of(o.getOrDefault("jar", "cli/target/ipkeeper.jar")).toAbsolutePath();
        int idle = Integer.parseInt(o.getOrDefault("idle", "30"));
        int flood = Integer.parseInt(o.getOrDefault("flood", "30"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "20000"));
        int stations = Integer.parseInt(o.getOrDefault("stations", "200"));
        String jvmFlags = o.getOrDefault("jvm-flags", "");
        Optional<String> missing = NetnsLab.whatIsMissing();
        if (missing.isPresent()) {
            System.err.println("agent-footprint needs network namespaces: " + missing.get());
            System.exit(2);
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("no CLI jar at " + jar + ": build it with ./mvnw -B -ntp -o -q -pl cli -am package"
                    + " -Dmaven.test.skip=true, or give --jar PATH");
            System.exit(2);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String admin = "ipk_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        Path data = Files.createTempDirectory("ipk-footprint-");
        try (NetnsLab lab = NetnsLab.create()) {
            Namespace host = lab.namespace("host");
            Namespace flooder = lab.namespace("flood");
            lab.connect(host, "eth0", flooder, "eth0");
            host.addAddress("eth0", "198.18.0.2/24");
            flooder.addAddress("eth0", "198.18.0.3/24");

            NamespaceProcess server = host.start("sh", "-c", "exec " + java + " -jar " + jar + " server --bind 127.0.0.1"
                    + " --port 8080 --data-dir " + data + " --bootstrap-token " + admin);
            server.awaitLine(l -> l.contains("listening on"), START);
            curl(host, admin, "/api/v1/spaces", "{\"name\":\"lab\"}");
            curl(host, admin, "/api/v1/subnets", "{\"space\":\"lab\",\"prefix\":\"198.18.0.0/24\"}");
            String token = jsonField(curl(host, admin, "/api/v1/tokens", "{\"name\":\"footprint\",\"role\":\"agent\"}"),
                    "token");

            NamespaceProcess agent = host.start("sh", "-c", "IPKEEPER_TOKEN=" + token + " exec " + java + " "
                    + jvmFlags + " -jar " + jar + " agent --interface eth0 --server http://127.0.0.1:8080");
            agent.awaitLine(l -> l.contains("watching ARP on"), START);
            long pid = agent.pid();
            Thread.sleep(10_000); // start-up compilation and the first reports settle
            System.out.printf(Locale.ROOT, "# agent-footprint: %d cores, JVM flags [%s], load average %s%n",
                    Runtime.getRuntime().availableProcessors(), jvmFlags, Files.readString(Path.of("/proc/loadavg")).strip());

            Window quiet = Window.measure(pid, idle, () -> {});
            Map<String, Double> before = metrics(host);
            NamespaceProcess flooding = flooder.startJava(ArpFlood.class.getName(), "eth0", String.valueOf(rate),
                    String.valueOf(flood), String.valueOf(stations));
            flooding.awaitLine(l -> l.equals("READY"), START);
            Window busy = Window.measure(pid, flood, () -> {});
            String sentLine = flooding.awaitLine(l -> l.startsWith("SENT "), START);
            Thread.sleep(3_000); // the last batch reaches the metrics
            Map<String, Double> after = metrics(host);
            long sent = Long.parseLong(sentLine.split(" ")[1]);
            double heard = after.getOrDefault("ipkeeper_agent_arp_frames_total", 0.0)
                    - before.getOrDefault("ipkeeper_agent_arp_frames_total", 0.0);
            double dropped = after.getOrDefault("ipkeeper_agent_arp_frames_dropped_total", 0.0)
                    - before.getOrDefault("ipkeeper_agent_arp_frames_dropped_total", 0.0);
            double observations = after.getOrDefault("ipkeeper_agent_observations_sent_total", 0.0)
                    - before.getOrDefault("ipkeeper_agent_observations_sent_total", 0.0);

            System.out.println("| window | seconds | agent CPU (% of one core) | RSS at end | RSS max | frames sent | frames"
                    + " heard by the agent | dropped by its flood limit | observations reported |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            System.out.printf(Locale.ROOT, "| idle | %d | %.2f %% | %.1f MiB | %.1f MiB | | | | |%n", idle, quiet.cpuPercent(),
                    quiet.rssEndMiB(), quiet.rssMaxMiB());
            System.out.printf(Locale.ROOT, "| ARP flood, %,d frames/s from %d stations | %d | %.1f %% | %.1f MiB | %.1f MiB |"
                            + " %,d (%s) | %,.0f (%.1f %%) | %,.0f | %,.0f |%n", rate, stations, flood, busy.cpuPercent(),
                    busy.rssEndMiB(), busy.rssMaxMiB(), sent, sentLine.split(" ")[2] + " s", heard,
                    sent == 0 ? 0 : 100.0 * heard / sent, dropped, observations);
            agent.close();
            server.close();
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** CPU and RSS of one process over {@code seconds}, RSS sampled every second. */
    private record Window(double cpuPercent, double rssEndMiB, double rssMaxMiB) {
        static Window measure(long pid, int seconds, Runnable unused) throws Exception {
            long ticks0 = cpuTicks(pid);
            long t0 = System.nanoTime();
            long max = 0;
            long rss = 0;
            for (int i = 0; i < seconds; i++) {
                Thread.sleep(1000);
                rss = rssKiB(pid);
                max = Math.max(max, rss);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuTicks(pid) - ticks0) / 100.0; // USER_HZ is 100 on Linux
            return new Window(100.0 * cpu / wall, rss / 1024.0, max / 1024.0);
        }
    }

    /** utime + stime of {@code pid}, in clock ticks (fields 14 and 15 of /proc/PID/stat, after the command name). */
    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static String curl(Namespace ns, String token, String path, String body) {
        CommandResult r = ns.exec("curl", "-sS", "-f", "-X", "POST", "http://127.0.0.1:8080" + path,
                "-H", "Authorization: Bearer " + token, "-H", "Content-Type: application/json", "-d", body);
        r.orThrow();
        return r.stdout();
    }

    private static String jsonField(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no '" + field + "' in " + json);
        }
        return m.group(1);
    }

    private static Map<String, Double> metrics(Namespace host) {
        CommandResult r = host.exec("curl", "-sS", "http://127.0.0.1:9180/metrics");
        r.orThrow();
        Map<String, Double> out = new java.util.HashMap<>();
        Matcher m = METRIC.matcher(r.stdout());
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: agent-footprint [--jar PATH] [--idle S] [--flood S]"
                        + " [--rate N] [--stations K] [--jvm-flags \"…\"]; not '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
