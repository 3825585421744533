package io.ipkeeper.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ProbeResult;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.tls.ServerTrust;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probe before allocate, the agent's half: long-polls its server for probe requests ({@code GET /api/v1/probes}),
 * probes each on the watched interface whose network holds the address, and answers with every MAC that claimed it.
 * The agent opens no port: only the server it verified and authenticated to can ask it to probe.
 */
public final class ProbePoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProbePoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds the server holds a poll open; below common load-balancer idle timeouts. */
    static final int WAIT_SECONDS = 25;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Supplier<Optional<URI>> servers;
    private final String token;
    private final List<String> interfaces;
    private final Supplier<HostInventory> inventory;
    private final ProbeRunner runner;
    private final AtomicLong probed = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    private ProbePoller(Supplier<Optional<URI>> servers, String token, Optional<SSLContext> trust, List<String> interfaces,
                        Supplier<HostInventory> inventory, ProbeRunner runner) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1);
        trust.ifPresent(b::sslContext);
        this.http = b.build();
        this.servers = servers;
        this.token = token;
        this.interfaces = List.copyOf(interfaces);
        this.inventory = inventory;
        this.runner = runner;
        this.thread = Thread.ofVirtual().name("ipkeeper-probe-poller").unstarted(this::run);
    }

    /** Starts polling in the background. */
    public static ProbePoller start(URI server, String token, Optional<SSLContext> trust, List<String> interfaces,
                                    Supplier<HostInventory> inventory, ProbeRunner runner) {
        return start(() -> Optional.of(server), token, trust, interfaces, inventory, runner);
    }

    /** Polls whichever server {@code servers} names at each poll (gossip discovery); none: waits and asks again. */
    public static ProbePoller start(Supplier<Optional<URI>> servers, String token, Optional<SSLContext> trust,
                                    List<String> interfaces, Supplier<HostInventory> inventory, ProbeRunner runner) {
        ProbePoller p = new ProbePoller(servers, token, trust, interfaces, inventory, runner);
        p.thread.start();
        return p;
    }

    /** Probes answered so far. */
    public long probed() {
        return probed.get();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (!closed) {
            Optional<URI> found = servers.get();
            if (found.isEmpty()) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            URI server = URI.create(found.get().toString().endsWith("/") ? found.get().toString() : found.get() + "/");
            try {
                HttpResponse<String> r = http.send(request(server, "api/v1/probes?wait=" + WAIT_SECONDS)
                        .timeout(Duration.ofSeconds(WAIT_SECONDS + 15)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    // 409 until the first report landed, 401/403 for a bad token: the reporter says so too
                    log.debug("probe poll answered {}: {}", r.statusCode(), r.body());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    continue;
                }
                backoff = Duration.ofSeconds(1);
                for (JsonNode p : JSON.readTree(r.body()).get("probes")) {
                    answer(server, p.get("id").asLong(), (Inet4Address) InetAddress.ofLiteral(p.get("address").asText()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (SSLException e) {
                log.warn("probe poll: {}", ServerTrust.explain(e, server, "--ca-file"));
                sleep(MAX_BACKOFF);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.debug("probe poll failed: {}", e.toString());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
    }

    private void answer(URI server, long id, Inet4Address address) throws IOException, InterruptedException {
        List<String> macs = List.of();
        int sent = 0;
        Optional<String> iface = interfaceFor(address);
        if (iface.isEmpty()) {
            log.warn("asked to probe {}, but no watched interface is on its network; answering that nobody claimed it",
                    address.getHostAddress());
        } else {
            try {
                ProbeResult result = runner.probe(iface.get(), address);
                macs = result.answeringMacs().stream().map(MacAddress::toString).toList();
                sent = result.probesSent();
            } catch (Exception e) {
                log.warn("probe of {} on {} failed: {}", address.getHostAddress(), iface.get(), e.getMessage());
                return; // no answer: the server's timeout lets the allocation go ahead without the probe
            }
        }
        String body = JSON.writeValueAsString(Map.of("answeringMacs", macs, "probesSent", sent));
        HttpResponse<String> r = http.send(request(server, "api/v1/probes/" + id).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            probed.incrementAndGet();
            if (!macs.isEmpty()) {
                log.warn("probe of {}: in use by {}", address.getHostAddress(), macs);
            }
        } else {
            log.warn("the server did not take the answer to probe {} ({}): {}", id, r.statusCode(), r.body());
        }
    }

    /** The watched interface with an IPv4 network that holds {@code address}. */
    private Optional<String> interfaceFor(Inet4Address address) {
        for (HostInterface i : inventory.get().interfaces()) {
            if (!interfaces.contains(i.name())) {
                continue;
            }
            for (InterfaceAddress a : i.ipv4Addresses()) {
                if (a.network().equals(new InterfaceAddress(address, a.prefixLength()).network())) {
                    return Optional.of(i.name());
                }
            }
        }
        return Optional.empty();
    }

    private HttpRequest.Builder request(URI server, String path) {
        return HttpRequest.newBuilder(server.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
