package io.ipkeeper.agent;

import io.ipkeeper.agent.arp.ArpSocket;
import io.ipkeeper.agent.gossip.AgentGossip;
import io.ipkeeper.agent.gossip.ConflictSpotter;
import io.ipkeeper.agent.gossip.DiscoveringReportSender;
import io.ipkeeper.agent.gossip.ServerTrustRule;
import io.ipkeeper.agent.arp.ArpSockets;
import io.ipkeeper.agent.arp.ArpWatch;
import io.ipkeeper.agent.arp.RawSocketCapability;
import io.ipkeeper.agent.arp.RawSocketException;
import io.ipkeeper.agent.internal.http.AgentMetrics;
import io.ipkeeper.agent.internal.http.StatusEndpoint;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InventoryReader;
import io.ipkeeper.agent.inventory.InventoryWatcher;
import io.ipkeeper.agent.report.ArpProbeRunner;
import io.ipkeeper.agent.report.HttpReportSender;
import io.ipkeeper.agent.report.ProbePoller;
import io.ipkeeper.agent.report.ReportSender;
import io.ipkeeper.agent.report.Reporter;
import io.ipkeeper.agent.report.ReporterConfig;
import io.ipkeeper.agent.report.ReporterStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running host agent: reads the host's inventory (re-read every few seconds), watches ARP on the chosen interfaces
 * when it has {@code CAP_NET_RAW} (inventory-only otherwise), and reports both to the server; {@code /healthz} and
 * {@code /metrics} tell how it is doing.
 */
public final class HostAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostAgent.class);
    /** How often the inventory is re-read: cheap (/sys and /proc), and a new VIP shows up within this. */
    static final Duration INVENTORY_INTERVAL = Duration.ofSeconds(5);

    private final ScheduledExecutorService scheduler;
    private final InventoryWatcher inventory;
    private final Reporter reporter;
    private final ArpWatch arp;
    private final StatusEndpoint status;
    private final ProbePoller prober;
    private final String mode;
    private final AgentGossip gossip;

    private HostAgent(ScheduledExecutorService scheduler, InventoryWatcher inventory, Reporter reporter, ArpWatch arp,
                      StatusEndpoint status, ProbePoller prober, String mode, AgentGossip gossip) {
        this.gossip = gossip;
        this.scheduler = scheduler;
        this.inventory = inventory;
        this.reporter = reporter;
        this.arp = arp;
        this.status = status;
        this.prober = prober;
        this.mode = mode;
    }

    /** Starts the real agent: the host's /sys and /proc, AF_PACKET sockets, and HTTP reports to the server. */
    public static HostAgent start(HostAgentOptions options, String version) {
        List<String> problems = options.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        AgentGossip gossip = options.gossip() == null ? null : AgentGossip.start(options.gossip(),
                new ServerTrustRule(options.trust().isPresent(), options.gossip().serverAllow()));
        ReportSender sender = options.server() != null
                ? new HttpReportSender(options.server(), options.token(), options.trust())
                : new DiscoveringReportSender(gossip::server, options.token(), options.trust());
        try {
            return start(options, version, io.ipkeeper.agent.inventory.LinuxInventoryReader.system(), sender, true,
                    gossip);
        } catch (RuntimeException e) {
            if (gossip != null) {
                gossip.close();
            }
            throw e;
        }
    }

    /**
     * Starts with the given inventory source and report sender; {@code watchArp} false forces inventory-only mode
     * (tests without CAP_NET_RAW, or an operator's choice).
     */
    public static HostAgent start(HostAgentOptions options, String version, InventoryReader reader, ReportSender sender,
                                  boolean watchArp) {
        return start(options, version, reader, sender, watchArp, null);
    }

    /**
     * As above, as a member of gossip through {@code gossip} (null: none), which the agent then owns: conflicts it spots
     * are broadcast there, and without {@code options.server()} it probes for the server gossip offers.
     */
    public static HostAgent start(HostAgentOptions options, String version, InventoryReader reader, ReportSender sender,
                                  boolean watchArp, AgentGossip gossip) {
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("ipkeeper-agent").factory());
        InventoryWatcher watcher = null;
        ArpWatch arp = null;
        Reporter reporter = null;
        StatusEndpoint status = null;
        try {
            Reporter r = new Reporter(sender, new ReporterConfig(options.reportInterval(), Duration.ofMillis(500),
                    Duration.ofSeconds(30), 50_000, options.hostname(), version, options.space()), clock, scheduler);
            reporter = r;
            watcher = new InventoryWatcher(reader, (before, after, diff) -> {
                log.info("host inventory changed: {}", diff);
                r.inventory(after);
            });
            HostInventory first = watcher.current();
            requireInterfaces(first, options.interfaces());
            String mode;
            if (!watchArp) {
                mode = "inventory only (ARP watch switched off)";
            } else {
                RawSocketCapability.Report capability = RawSocketCapability.check();
                if (capability.capable()) {
                    java.util.function.Consumer<List<io.ipkeeper.agent.arp.ArpObservation>> sink = r::observations;
                    if (gossip != null) {
                        // Reports first (the usual path), then the gossip broadcast (the path that needs no server).
                        InventoryWatcher w = watcher;
                        ConflictSpotter spotter = new ConflictSpotter(w::current, clock, gossip::broadcastConflict);
                        sink = sink.andThen(spotter);
                    }
                    arp = ArpWatch.start(openSockets(options.interfaces()), options.arp(), clock, sink);
                    mode = "watching ARP on " + String.join(", ", options.interfaces());
                } else {
                    log.warn(capability.message());
                    mode = "inventory only: " + capability.message();
                }
            }
            watcher.start(scheduler, INVENTORY_INTERVAL);
            r.start(first, arp != null);
            if (options.listen() != null) {
                ArpWatch watching = arp;
                Instant started = clock.instant();
                status = StatusEndpoint.start(options.listen(),
                        () -> health(r.stats(), started, clock.instant(), options.reportInterval()),
                        () -> AgentMetrics.render(r.stats(), watching == null ? null : watching.stats()));
            }
            // With raw sockets the agent also answers the server's probe-before-allocate requests.
            InventoryWatcher w = watcher;
            java.util.function.Supplier<Optional<java.net.URI>> servers = options.server() != null
                    ? () -> Optional.of(options.server()) : gossip::server;
            ProbePoller prober = arp == null ? null : ProbePoller.start(servers, options.token(), options.trust(),
                    options.interfaces(), w::current, new ArpProbeRunner());
            log.info("ipkeeper agent reporting to {}: {}", options.server() != null ? options.server()
                    : "a trusted server found through gossip", mode);
            return new HostAgent(scheduler, watcher, r, arp, status, prober, mode, gossip);
        } catch (IOException | RuntimeException e) {
            closeQuietly(status, arp, watcher, reporter);
            scheduler.shutdownNow();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void requireInterfaces(HostInventory inventory, List<String> names) {
        List<String> missing = names.stream().filter(n -> inventory.find(n).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no interface " + String.join(", ", missing) + " on this host (network"
                    + " namespace); it has: " + inventory.interfaces().stream().map(HostInterface::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static List<ArpSocket> openSockets(List<String> interfaces) throws RawSocketException {
        List<ArpSocket> sockets = new ArrayList<>();
        try {
            for (String name : interfaces) {
                sockets.add(ArpSockets.open(name));
            }
            return sockets;
        } catch (RawSocketException e) {
            sockets.forEach(ArpSocket::close);
            throw e;
        }
    }

    /** Healthy while reports get through; a fresh agent gets three intervals to deliver its first. */
    static StatusEndpoint.Health health(ReporterStats s, Instant started, Instant now, Duration interval) {
        Duration grace = interval.multipliedBy(3);
        Instant last = s.lastSuccess() == null ? started : s.lastSuccess();
        if (last.plus(grace).isAfter(now)) {
            return new StatusEndpoint.Health(true, s.lastSuccess() == null ? "starting: no report delivered yet"
                    : "ok: last report delivered at " + s.lastSuccess());
        }
        return new StatusEndpoint.Health(false, "no report delivered for " + Duration.between(last, now).toSeconds()
                + " s: " + (s.lastError() == null ? "unknown error" : s.lastError()));
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable c : parts) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.debug("closing {} failed", c, e);
                }
            }
        }
    }

    /** What the agent is doing, e.g. "watching ARP on eth0" or "inventory only: …". */
    public String mode() {
        return mode;
    }

    public ReporterStats reportStats() {
        return reporter.stats();
    }

    /** Where {@code /healthz} and {@code /metrics} are served, if anywhere. */
    public Optional<InetSocketAddress> statusAddress() {
        return Optional.ofNullable(status).map(StatusEndpoint::address);
    }

    @Override
    public void close() {
        closeQuietly(prober, status, arp, inventory, reporter, gossip);
        scheduler.shutdownNow();
    }

    /** Its gossip node, when it joined gossip. */
    public Optional<AgentGossip> gossip() {
        return Optional.ofNullable(gossip);
    }
}
