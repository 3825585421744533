package io.ipkeeper.cli.gossip;

import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipkeeper gossip [flags]}: runs one gossip node, a drop-in twin of the project's Go test peer
 * ({@code testkit/src/main/go/testpeer/testpeer.go}): the same flags (single- or double-dash) and defaults, the same
 * JSON-lines events on stdout, the same stdin commands; logs on stderr; SIGINT/SIGTERM = graceful leave, exit 0.
 * Its settings are flags only (not the config file or environment), so a test can swap the Go binary for it.
 * {@code ipkeeper gossip decode} decodes captured frames.
 */
@Command(name = "gossip", mixinStandardHelpOptions = true,
        description = {"Run a memberlist/Serf-compatible gossip node (the twin of the Go test peer): JSON-lines events "
                + "on stdout, commands on stdin (key install|use|remove|list, event, send, send-udp, members, leave).",
                "Subcommand 'decode' decodes a captured frame."},
        subcommands = {GossipDecodeCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped gracefully", "1:could not start (e.g. port in use)", "2:bad flags"})
public final class GossipCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** For tests: where commands come from (default stdin). */
    InputStream stdin = System.in;

    @Option(names = {"-name", "--name"}, paramLabel = "NAME", description = "Node name (default: peer-<port>).")
    String name = "";

    @Option(names = {"-bind", "--bind"}, paramLabel = "IP", description = "Bind and advertise address (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = {"-port", "--port"}, paramLabel = "PORT", description = "UDP+TCP port (default: ${DEFAULT-VALUE}).")
    int port = 7950;

    @Option(names = {"-join", "--join"}, paramLabel = "HOST:PORT,...", description = "Comma-separated peers to join.")
    String join = "";

    @Option(names = {"-profile", "--profile"}, paramLabel = "local|lan|wan",
            description = "Timing profile (default: ${DEFAULT-VALUE}).")
    String profile = "local";

    @Option(names = {"-serf", "--serf"}, arity = "0..1", fallbackValue = "true",
            description = "Act as a Serf member: delegate versions 2/5/5, join/leave intents, user events.")
    boolean serf;

    @Option(names = {"-tags", "--tags"}, paramLabel = "K=V,...", description = "Serf-style tags put in node meta.")
    String tags = "";

    @Option(names = {"-meta", "--meta"}, paramLabel = "TEXT", description = "Raw node meta (ignored if -tags given).")
    String meta = "";

    @Option(names = {"-key", "--key"}, paramLabel = "BASE64", description = "AES key (16/24/32 bytes) for encryption.")
    String key = "";

    @Option(names = {"-no-compress", "--no-compress"}, arity = "0..1", fallbackValue = "true",
            description = "Disable LZW compression.")
    boolean noCompress;

    @Option(names = {"-run", "--run"}, paramLabel = "DURATION",
            description = "Leave and exit after this long, e.g. 30s (default: 0 = until SIGINT/SIGTERM).")
    String run = "0";

    @Option(names = {"-members-every", "--members-every"}, paramLabel = "DURATION",
            description = "Print a members event this often (default: ${DEFAULT-VALUE}; 0 = never).")
    String membersEvery = "5s";

    @Option(names = {"-exit-on-eof", "--exit-on-eof"}, arity = "0..1", fallbackValue = "true",
            description = "Leave gracefully and exit when stdin closes.")
    boolean exitOnEof;

    @Override
    public Integer call() throws InterruptedException {
        PeerSettings settings;
        try {
            settings = PeerSettings.of(name, bind, port, join, profile, serf, tags, meta, key, noCompress, run,
                    membersEvery, exitOnEof);
            settings.config(); // every config error is a flag error: report it before anything binds
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("ipkeeper gossip: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return CommandLine.ExitCode.USAGE;
        }
        JsonLines out = new JsonLines(spec.commandLine().getOut(), Clock.systemUTC());
        return new GossipPeer(settings, out, stdin).run();
    }
}
