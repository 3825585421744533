package io.ipkeeper.agent.gossip;

import io.ipkeeper.agent.report.HttpReportSender;
import io.ipkeeper.agent.report.ReportSender;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Reports to whichever trusted server gossip offers right now ({@link AgentGossip#server()}); while there is none the
 * report fails (the reporter keeps the observations and retries with backoff) and no token leaves the host.
 */
public final class DiscoveringReportSender implements ReportSender {
    private final Supplier<Optional<URI>> servers;
    private final String token;
    private final Optional<SSLContext> trust;
    private final Map<URI, HttpReportSender> senders = new ConcurrentHashMap<>();

    public DiscoveringReportSender(Supplier<Optional<URI>> servers, String token, Optional<SSLContext> trust) {
        this.servers = servers;
        this.token = token;
        this.trust = trust;
    }

    @Override
    public void send(Map<String, Object> report) throws ReportRejected, ReportFailed {
        Optional<URI> server = servers.get();
        if (server.isEmpty()) {
            throw new ReportFailed("no trusted server found through gossip yet (servers announce role=server with their"
                    + " API URL; the agent trusts https with --ca-file, or URLs on --server-allow)", null);
        }
        senders.computeIfAbsent(server.get(), s -> new HttpReportSender(s, token, trust)).send(report);
    }
}
