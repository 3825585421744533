package io.ipkeeper.cli;

import static io.ipkeeper.cli.config.Settings.AGENT_INTERFACES;
import static io.ipkeeper.cli.config.Settings.AGENT_LISTEN;
import static io.ipkeeper.cli.config.Settings.AGENT_REPORT_INTERVAL;
import static io.ipkeeper.cli.config.Settings.AGENT_SERVER_ALLOW;
import static io.ipkeeper.cli.config.Settings.GOSSIP_BIND;
import static io.ipkeeper.cli.config.Settings.GOSSIP_JOIN;
import static io.ipkeeper.cli.config.Settings.GOSSIP_KEYS;
import static io.ipkeeper.cli.config.Settings.GOSSIP_NAME;
import static io.ipkeeper.cli.config.Settings.GOSSIP_PROFILE;
import static io.ipkeeper.cli.config.Settings.GOSSIP_ANTI_ENTROPY;
import static io.ipkeeper.cli.config.Settings.AGENT_SPACE;
import static io.ipkeeper.cli.config.Settings.CLIENT_CA_FILE;
import static io.ipkeeper.cli.config.Settings.CLIENT_SERVER;
import static io.ipkeeper.cli.config.Settings.CLIENT_TOKEN;

import io.ipkeeper.agent.HostAgent;
import io.ipkeeper.agent.HostAgentOptions;
import io.ipkeeper.agent.arp.ArpWatchConfig;
import io.ipkeeper.agent.gossip.AgentGossipOptions;
import io.ipkeeper.agent.tls.ServerTrust;
import io.ipkeeper.agent.tls.ServerTrustException;
import io.ipkeeper.cli.config.Config;
import io.ipkeeper.cli.config.Setting;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;

/** {@code ipkeeper agent}: the host agent, until Ctrl-C (SIGINT) or SIGTERM. */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the host agent: report this host's interfaces and addresses, and the ARP traffic of the"
                + " watched interfaces, to the ipkeeper server.",
                "Needs CAP_NET_RAW to watch ARP (root, or setcap cap_net_raw+ep on java); without it, inventory only.",
                "Example: ipkeeper agent --interface eth0 --server https://ipam.example:8443 --ca-file ca.pem"
                        + " (token in IPKEEPER_TOKEN)"})
public final class AgentCommand extends ConfiguredCommand {

    @Override
    protected List<Setting<?>> settings() {
        return List.of(AGENT_INTERFACES, CLIENT_SERVER, CLIENT_TOKEN, CLIENT_CA_FILE, AGENT_SPACE, AGENT_LISTEN,
                AGENT_REPORT_INTERVAL, GOSSIP_BIND, GOSSIP_JOIN, GOSSIP_KEYS, GOSSIP_NAME, GOSSIP_PROFILE, GOSSIP_ANTI_ENTROPY,
                AGENT_SERVER_ALLOW);
    }

    @Override
    protected int run(Config config) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<SSLContext> trust;
        try {
            trust = config.find(CLIENT_CA_FILE).map(ServerTrust::fromCaFile);
        } catch (ServerTrustException e) {
            err.println("ipkeeper agent: " + e.getMessage());
            return 2;
        }
        AgentGossipOptions gossip;
        try {
            gossip = gossip(config);
        } catch (IllegalArgumentException e) {
            err.println("ipkeeper agent: " + e.getMessage());
            return 2;
        }
        HostAgentOptions options = new HostAgentOptions(config.find(AGENT_INTERFACES).orElse(List.of()),
                config.find(CLIENT_SERVER).orElse(null), config.find(CLIENT_TOKEN).orElse(null), trust,
                config.find(AGENT_SPACE).orElse(null), config.get(AGENT_REPORT_INTERVAL), config.get(AGENT_LISTEN),
                ArpWatchConfig.defaults(), hostname(), gossip);
        List<String> problems = new java.util.ArrayList<>(options.problems());
        if (config.find(GOSSIP_BIND).isEmpty() && (config.find(GOSSIP_JOIN).isPresent()
                || config.find(AGENT_SERVER_ALLOW).isPresent())) {
            problems.add("--join and --server-allow need --gossip-bind (the address this agent gossips on)");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("ipkeeper agent: " + p));
            err.println("See 'ipkeeper agent --help' for every setting.");
            return 2;
        }
        HostAgent agent;
        try {
            agent = HostAgent.start(options, io.ipkeeper.server.Version.current());
        } catch (RuntimeException e) {
            err.println("ipkeeper agent: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "ipkeeper-agent-shutdown"));
        spec.commandLine().getOut().println("ipkeeper agent: " + agent.mode() + "; reporting to "
                + (options.server() != null ? options.server() : "a trusted server found through gossip")
                + agent.statusAddress().map(a -> "; /healthz and /metrics on " + a.getHostString() + ":" + a.getPort())
                        .orElse(""));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** Gossip options when {@code --gossip-bind} is set, else null. */
    private static AgentGossipOptions gossip(Config config) {
        return config.find(GOSSIP_BIND).map(bind -> new AgentGossipOptions(config.find(GOSSIP_NAME).orElseGet(
                AgentCommand::hostname), bind, config.find(GOSSIP_JOIN).orElse(List.of()),
                config.find(GOSSIP_KEYS).orElse(List.of()), config.get(GOSSIP_PROFILE),
                config.find(AGENT_SERVER_ALLOW).orElse(List.of()), config.get(GOSSIP_ANTI_ENTROPY))).orElse(null);
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
