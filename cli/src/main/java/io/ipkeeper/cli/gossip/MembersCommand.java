package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Keyring;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.serf.Serf;
import io.ipkeeper.gossip.serf.SerfMember;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipkeeper members --join HOST:PORT}: joins a memberlist or Serf cluster as a short-lived node, waits briefly,
 * prints the members (not itself) as a table or JSON, and leaves gracefully (with {@code --serf}, as Serf: shown as
 * {@code left}).
 */
@Command(name = "members", mixinStandardHelpOptions = true,
        description = "Print a gossip cluster's members (memberlist or, with --serf, Serf), joining it briefly.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "1:could not join the cluster", "2:bad flags"})
public final class MembersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--join", required = true, split = ",", paramLabel = "HOST:PORT",
            description = "A member to join through (repeat or comma-separate for more).")
    List<String> join = new ArrayList<>();

    @Option(names = "--key", paramLabel = "BASE64", description = "The cluster's AES key (repeat for a keyring; first is primary).")
    List<String> keys = new ArrayList<>();

    @Option(names = "--serf", description = "The cluster runs Serf: speak its delegate versions, show tags and Serf status.")
    boolean serf;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--bind", paramLabel = "IP",
            description = "Our address (default: 127.0.0.1 when joining a loopback address, else 0.0.0.0).")
    String bind;

    @Option(names = "--wait", paramLabel = "DURATION", description = "How long to gossip before printing (default: ${DEFAULT-VALUE}).")
    String waitFor = "1s";

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<InetSocketAddress> seeds = new ArrayList<>();
        GossipConfig config;
        Duration wait;
        MemberlistOptions.Builder options = MemberlistOptions.builder();
        try {
            for (String s : join) {
                seeds.add(PeerSettings.hostPort("--join", s.strip()));
            }
            for (String k : keys) {
                options.key(Keyring.decode(k));
            }
            wait = GoDuration.parse(waitFor);
            String ip = bind != null ? bind : seeds.getFirst().getAddress() != null
                    && seeds.getFirst().getAddress().isLoopbackAddress() ? "127.0.0.1" : "0.0.0.0";
            config = GossipConfig.lan().name("ipkeeper-members-" + ProcessHandle.current().pid()).bindAddress(ip)
                    .bindPort(0).build();
        } catch (IllegalArgumentException e) {
            err.println("ipkeeper members: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        List<MemberRow> rows;
        try {
            rows = serf ? viaSerf(config, options, seeds, wait) : viaMemberlist(config, options.build(), seeds, wait);
        } catch (JoinFailed e) {
            err.println("ipkeeper members: cannot join " + String.join(",", join) + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? MembersOutput.json(rows) + "\n" : MembersOutput.table(rows, serf));
        out.flush();
        return 0;
    }

    private List<MemberRow> viaMemberlist(GossipConfig config, MemberlistOptions options, List<InetSocketAddress> seeds,
            Duration wait) throws IOException, JoinFailed, InterruptedException {
        try (Memberlist node = Memberlist.create(config, options)) {
            check(node.join(seeds));
            Thread.sleep(wait);
            List<MemberRow> rows = node.members().stream()
                    .filter(m -> !m.name().equals(config.name()))
                    .sorted(Comparator.comparing(Member::name))
                    .map(m -> new MemberRow(m.name(), m.address().getHostAddress(), m.port(),
                            m.state().name().toLowerCase(Locale.ROOT), null, HexFormat.of().formatHex(m.meta())))
                    .toList();
            node.leave(Duration.ofSeconds(1));
            return rows;
        }
    }

    private List<MemberRow> viaSerf(GossipConfig config, MemberlistOptions.Builder options,
            List<InetSocketAddress> seeds, Duration wait) throws IOException, JoinFailed, InterruptedException {
        Serf.Builder builder = Serf.builder(config);
        options.build().keys().forEach(builder::key);
        try (Serf node = builder.start()) {
            check(node.join(seeds));
            Thread.sleep(wait);
            List<MemberRow> rows = new ArrayList<>();
            for (SerfMember m : node.members()) {
                if (m.name().equals(config.name())) {
                    continue;
                }
                Member raw = node.memberlist().members().stream().filter(x -> x.name().equals(m.name())).findFirst()
                        .orElseThrow();
                rows.add(new MemberRow(m.name(), m.address().getHostAddress(), m.port(), m.status().label(), m.tags(),
                        HexFormat.of().formatHex(raw.meta())));
            }
            node.leave(Duration.ofSeconds(1));
            return rows;
        }
    }

    private static void check(JoinResult r) throws JoinFailed {
        if (!r.succeeded()) {
            throw new JoinFailed(r.errors().values().stream().distinct().collect(Collectors.joining("; ")));
        }
    }

    /** No seed answered. */
    private static final class JoinFailed extends Exception {
        private static final long serialVersionUID = 1L;

        JoinFailed(String message) {
            super(message, null, false, false);
        }
    }
}
