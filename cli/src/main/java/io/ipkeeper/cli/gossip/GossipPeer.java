package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.MemberlistOptions;
import io.ipkeeper.gossip.serf.SerfDelegate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One running {@code ipkeeper gossip} node, the twin of the Go test peer: start, join, print events, obey stdin, and
 * on a signal, the {@code -run} deadline or (after {@code leave}, or with {@code -exit-on-eof}) the end of stdin,
 * leave gracefully, print {@code stopped} and return 0.
 */
final class GossipPeer implements PeerCommands.Peer {
    /** Serf's {@code BroadcastTimeout}, also memberlist's leave timeout in the Go peer. */
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);

    /** Why the main loop wakes up. */
    private record Wake(String kind, String detail) {}

    private final PeerSettings settings;
    private final JsonLines out;
    private final InputStream stdin;
    private final BlockingQueue<Wake> wakes = new LinkedBlockingQueue<>();
    private final Object leaveLock = new Object();
    private boolean left;
    private Memberlist memberlist;
    private SerfDelegate serf;
    private GossipConfig config;

    GossipPeer(PeerSettings settings, JsonLines out, InputStream stdin) {
        this.settings = settings;
        this.out = out;
        this.stdin = stdin;
    }

    /** Runs the node until it is told to stop; returns the exit code. */
    int run() throws InterruptedException {
        config = settings.config();
        AtomicReference<Memberlist> node = new AtomicReference<>();
        if (settings.serf()) {
            serf = new SerfDelegate(config.name(), settings.tags(), config.retransmitMult(),
                    () -> node.get() == null ? 1 : node.get().numMembers(), new io.ipkeeper.gossip.serf.SerfListener() {});
        }
        PeerDelegate hooks = new PeerDelegate(settings.meta(), serf, out);
        MemberlistOptions.Builder options = MemberlistOptions.builder().delegate(hooks).listener(hooks);
        if (settings.key() != null) {
            options.key(settings.key());
        }
        try {
            memberlist = Memberlist.create(config, options.build());
        } catch (IOException | RuntimeException e) {
            out.emit("error", Map.of("op", "create", "err", String.valueOf(e.getMessage())));
            return 1;
        }
        node.set(memberlist);
        try {
            started();
            join();
            if (serf != null) {
                serf.announceJoin(); // like Serf's Join: a join intent at the member clock the join's push/pull fed
            }
            Signals.onStop(name -> wakes.add(new Wake("signal", name)));
            Thread.ofPlatform().daemon().name("stdin").start(this::readCommands);
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "peer-timers");
                t.setDaemon(true);
                return t;
            });
            try {
                if (settings.membersEvery().isPositive()) {
                    long every = settings.membersEvery().toNanos();
                    timers.scheduleAtFixedRate(() -> wakes.add(new Wake("tick", "")), every, every, TimeUnit.NANOSECONDS);
                }
                if (settings.run().isPositive()) {
                    timers.schedule(() -> wakes.add(new Wake("deadline", "")), settings.run().toNanos(),
                            TimeUnit.NANOSECONDS);
                }
                loop();
            } finally {
                timers.shutdownNow();
            }
            snapshot();
            String err = gracefulLeave();
            if (err != null) {
                out.emit("error", Map.of("op", "leave", "err", err));
            }
        } finally {
            memberlist.shutdown();
        }
        out.emit("stopped", Map.of("node", config.name()));
        return 0;
    }

    private void started() {
        Map<String, Object> f = new TreeMap<>();
        f.put("node", config.name());
        f.put("addr", settings.bind());
        f.put("port", settings.port());
        f.put("serf", settings.serf());
        f.put("vsn", NodeJson.vsn(config.vsn()));
        f.put("meta_hex", HexFormat.of().formatHex(settings.meta()));
        f.put("protocol_min", GossipConfig.PROTOCOL_VERSION_MIN);
        f.put("protocol_max", GossipConfig.PROTOCOL_VERSION_MAX);
        f.put("true_state", true); // our events always carry the real state
        out.emit("started", f);
    }

    private void join() {
        if (settings.seeds().isEmpty()) {
            return;
        }
        Map<String, Object> f = new TreeMap<>();
        f.put("peers", settings.seeds());
        JoinResult r;
        try {
            r = memberlist.join(settings.seedAddresses());
        } catch (RuntimeException e) {
            f.put("contacted", 0);
            f.put("err", String.valueOf(e.getMessage()));
            out.emit("joined", f);
            return;
        }
        f.put("contacted", r.contacted());
        if (!r.succeeded()) {
            // memberlist's Join reports errors only when no seed answered
            f.put("err", r.errors().entrySet().stream()
                    .map(e -> e.getKey().getHostString() + ":" + e.getKey().getPort() + ": " + e.getValue())
                    .sorted().collect(Collectors.joining("; ")));
        }
        out.emit("joined", f);
    }

    private void loop() throws InterruptedException {
        while (true) {
            Wake w = wakes.take();
            switch (w.kind()) {
                case "tick" -> snapshot();
                case "signal" -> {
                    out.emit("signal", Map.of("signal", w.detail()));
                    return;
                }
                case "deadline" -> {
                    return;
                }
                case "eof" -> {
                    boolean hasLeft;
                    synchronized (leaveLock) {
                        hasLeft = left;
                    }
                    if (hasLeft || settings.exitOnEof()) {
                        return;
                    }
                }
                default -> throw new IllegalStateException("unknown wake-up " + w);
            }
        }
    }

    private void readCommands() {
        PeerCommands commands = new PeerCommands(this, out);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                commands.handle(line);
            }
        } catch (IOException e) {
            // stdin broke: treated like its end
        } finally {
            wakes.add(new Wake("eof", ""));
        }
    }

    @Override
    public Memberlist memberlist() {
        return memberlist;
    }

    @Override
    public SerfDelegate serf() {
        return serf;
    }

    /** The Go peer's {@code members} event: memberlist's live members (alive and suspect), by name. */
    @Override
    public void snapshot() {
        List<Map<String, Object>> list = new ArrayList<>();
        memberlist.members().stream()
                .filter(m -> m.state() == MemberState.ALIVE || m.state() == MemberState.SUSPECT)
                .sorted(Comparator.comparing(Member::name))
                .forEach(m -> list.add(NodeJson.of(m)));
        out.emit("members", Map.of("count", list.size(), "members", list, "health", memberlist.healthScore()));
    }

    /** With {@code -serf}, a leave intent first (as Serf), then memberlist's leave, then a pause for its last packets. */
    @Override
    public String gracefulLeave() {
        synchronized (leaveLock) {
            if (left) {
                return null;
            }
            left = true;
            if (serf != null && memberlist.numMembers() > 1) {
                try {
                    serf.announceLeave().get(LEAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    out.emit("error", Map.of("op", "leave",
                            "err", "timeout waiting for the serf leave intent to be gossiped"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                } catch (java.util.concurrent.ExecutionException e) {
                    return String.valueOf(e.getCause());
                }
            }
            boolean done;
            try {
                done = memberlist.leave(LEAVE_TIMEOUT);
            } catch (RuntimeException e) {
                return String.valueOf(e.getMessage());
            }
            // Like Serf's LeavePropagateDelay: the dead message's last transmit is counted before it is sent.
            Duration delay = config.gossipInterval().multipliedBy(5);
            try {
                Thread.sleep(delay.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return done ? null : "timeout waiting for leave broadcast";
        }
    }
}
