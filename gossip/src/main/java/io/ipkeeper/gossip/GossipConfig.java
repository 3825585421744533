package io.ipkeeper.gossip;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Validated, immutable settings of one gossip member. Start from a preset — {@link #lan()}, {@link #wan()},
 * {@link #local()}, memberlist's {@code DefaultLANConfig}/{@code DefaultWANConfig}/{@code DefaultLocalConfig} (WAN and
 * local are LAN with some fields overridden, exactly as in memberlist) — set at least {@link Builder#name}, and
 * {@link Builder#build()}. {@link #toBuilder()} gives a builder to derive a changed copy.
 *
 * <p>Invalid values fail in {@code build()} with an {@link IllegalArgumentException} naming the field and what is
 * allowed, e.g. {@code probeTimeout (PT2S) must be less than probeInterval (PT1S)}.
 *
 * <p>Defaults (LAN / WAN / local): tcpTimeout 10 s / 30 s / 1 s; indirectChecks 3 / 3 / 1; retransmitMult 4 / 4 / 2;
 * suspicionMult 4 / 6 / 3; pushPullInterval 30 s / 60 s / 15 s; probeInterval 1 s / 5 s / 1 s; probeTimeout 500 ms /
 * 3 s / 200 ms; gossipNodes 3 / 4 / 3; gossipInterval 200 ms / 500 ms / 100 ms; gossipToTheDeadTime 30 s / 60 s / 15 s;
 * everything else the same.
 */
public final class GossipConfig {

    /** memberlist {@code ProtocolVersionMin}. */
    public static final int PROTOCOL_VERSION_MIN = 1;
    /** memberlist {@code ProtocolVersionMax}. */
    public static final int PROTOCOL_VERSION_MAX = 5;
    /** memberlist {@code MetaMaxSize}. */
    public static final int META_MAX_SIZE = 512;
    /** Largest payload of an IPv4 UDP datagram. */
    public static final int MAX_UDP_PAYLOAD = 65_507;
    /** Smallest packet we agree to build: a compound header plus an alive with a long name must fit. */
    public static final int MIN_UDP_BUFFER_SIZE = 512;

    private final String name;
    private final InetAddress bindAddress;
    private final int bindPort;
    private final InetAddress advertiseAddress;
    private final int advertisePort;
    private final int protocolVersion;
    private final int delegateProtocolMin;
    private final int delegateProtocolMax;
    private final int delegateProtocolVersion;
    private final Duration tcpTimeout;
    private final int indirectChecks;
    private final int retransmitMult;
    private final int suspicionMult;
    private final int suspicionMaxTimeoutMult;
    private final Duration pushPullInterval;
    private final Duration probeInterval;
    private final Duration probeTimeout;
    private final boolean disableTcpPings;
    private final int awarenessMaxMultiplier;
    private final int gossipNodes;
    private final Duration gossipInterval;
    private final Duration gossipToTheDeadTime;
    private final boolean gossipVerifyIncoming;
    private final boolean gossipVerifyOutgoing;
    private final boolean enableCompression;
    private final int handoffQueueDepth;
    private final int udpBufferSize;
    private final Duration deadNodeReclaimTime;
    private final int maxBroadcastQueueDepth;
    private final Duration rejoinInterval;
    private final String label;
    private final AntiEntropy antiEntropy;
    private final Duration antiEntropyInterval;

    private GossipConfig(Builder b) {
        this.name = b.name;
        this.bindAddress = b.bindAddress;
        this.bindPort = b.bindPort;
        this.advertiseAddress = b.advertiseAddress;
        this.advertisePort = b.advertisePort;
        this.protocolVersion = b.protocolVersion;
        this.delegateProtocolMin = b.delegateProtocolMin;
        this.delegateProtocolMax = b.delegateProtocolMax;
        this.delegateProtocolVersion = b.delegateProtocolVersion;
        this.tcpTimeout = b.tcpTimeout;
        this.indirectChecks = b.indirectChecks;
        this.retransmitMult = b.retransmitMult;
        this.suspicionMult = b.suspicionMult;
        this.suspicionMaxTimeoutMult = b.suspicionMaxTimeoutMult;
        this.pushPullInterval = b.pushPullInterval;
        this.probeInterval = b.probeInterval;
        this.probeTimeout = b.probeTimeout;
        this.disableTcpPings = b.disableTcpPings;
        this.awarenessMaxMultiplier = b.awarenessMaxMultiplier;
        this.gossipNodes = b.gossipNodes;
        this.gossipInterval = b.gossipInterval;
        this.gossipToTheDeadTime = b.gossipToTheDeadTime;
        this.gossipVerifyIncoming = b.gossipVerifyIncoming;
        this.gossipVerifyOutgoing = b.gossipVerifyOutgoing;
        this.enableCompression = b.enableCompression;
        this.handoffQueueDepth = b.handoffQueueDepth;
        this.udpBufferSize = b.udpBufferSize;
        this.deadNodeReclaimTime = b.deadNodeReclaimTime;
        this.maxBroadcastQueueDepth = b.maxBroadcastQueueDepth;
        this.rejoinInterval = b.rejoinInterval;
        this.label = b.label;
        this.antiEntropy = b.antiEntropy;
        this.antiEntropyInterval = b.antiEntropyInterval;
    }

    /** memberlist {@code DefaultLANConfig}: a single local network. */
    public static Builder lan() {
        return new Builder();
    }

    /** memberlist {@code DefaultWANConfig}: LAN with longer timeouts and intervals for links across the internet. */
    public static Builder wan() {
        return lan()
                .tcpTimeout(Duration.ofSeconds(30))
                .suspicionMult(6)
                .pushPullInterval(Duration.ofSeconds(60))
                .probeTimeout(Duration.ofSeconds(3))
                .probeInterval(Duration.ofSeconds(5))
                .gossipNodes(4)
                .gossipInterval(Duration.ofMillis(500))
                .gossipToTheDeadTime(Duration.ofSeconds(60));
    }

    /** memberlist {@code DefaultLocalConfig}: loopback or one host; fast detection, few retransmits. */
    public static Builder local() {
        return lan()
                .tcpTimeout(Duration.ofSeconds(1))
                .indirectChecks(1)
                .retransmitMult(2)
                .suspicionMult(3)
                .pushPullInterval(Duration.ofSeconds(15))
                .probeTimeout(Duration.ofMillis(200))
                .gossipInterval(Duration.ofMillis(100))
                .gossipToTheDeadTime(Duration.ofSeconds(15));
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Unique node name in the cluster; required, non-blank. memberlist defaults to the host name. */
    public String name() {
        return name;
    }

    /** Address to listen on for UDP and TCP (default {@code 0.0.0.0}). */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** Port for both UDP and TCP (default 7946); 0 lets the OS choose. */
    public int bindPort() {
        return bindPort;
    }

    /** Address other nodes should use to reach us; null means "derive from the bind address". */
    public InetAddress advertiseAddress() {
        return advertiseAddress;
    }

    /** Port other nodes should use to reach us (default 7946). */
    public int advertisePort() {
        return advertisePort;
    }

    /** memberlist protocol version we speak, in [1, 5] (default 2, what Serf 0.9.4 and memberlist 0.2.2 speak). */
    public int protocolVersion() {
        return protocolVersion;
    }

    /** Lowest delegate (e.g. Serf) protocol we understand; 0 for a plain memberlist node. Serf 0.9.x needs 2. */
    public int delegateProtocolMin() {
        return delegateProtocolMin;
    }

    /** Highest delegate protocol we understand; 0 for a plain memberlist node. Serf 0.9.x needs 5. */
    public int delegateProtocolMax() {
        return delegateProtocolMax;
    }

    /** Delegate protocol we speak, in [min, max]; 0 for a plain memberlist node. Serf 0.9.x needs 4 or 5. */
    public int delegateProtocolVersion() {
        return delegateProtocolVersion;
    }

    /** Dial timeout and I/O deadline of every TCP exchange (push/pull, reliable user message); LAN 10 s. */
    public Duration tcpTimeout() {
        return tcpTimeout;
    }

    /** Nodes asked to probe a target indirectly after a failed direct ping (LAN 3); 0 disables indirect probes. */
    public int indirectChecks() {
        return indirectChecks;
    }

    /** Retransmits per broadcast = {@code retransmitMult × ceil(log10(n + 1))} (LAN 4: n 1–9 → 4, 10–99 → 8). */
    public int retransmitMult() {
        return retransmitMult;
    }

    /**
     * Suspicion timeout scale: min = {@code suspicionMult × max(1, log10(max(1, n))) × probeInterval} (LAN 4: 4 s up to
     * 10 nodes, 8 s at 100, 12 s at 1000); also {@code k = suspicionMult − 2} confirmations are awaited.
     */
    public int suspicionMult() {
        return suspicionMult;
    }

    /** max suspicion timeout = {@code suspicionMaxTimeoutMult × min} (default 6); the timer starts here. */
    public int suspicionMaxTimeoutMult() {
        return suspicionMaxTimeoutMult;
    }

    /**
     * Interval of the anti-entropy push/pull with one random node; scaled with the cluster size:
     * {@code interval × (ceil(log2(n) − log2(32)) + 1)} above 32 nodes. LAN 30 s; {@link Duration#ZERO} disables it.
     */
    public Duration pushPullInterval() {
        return pushPullInterval;
    }

    /** Time between probes, scaled by awareness: {@code probeInterval × (healthScore + 1)}. LAN 1 s. */
    public Duration probeInterval() {
        return probeInterval;
    }

    /** Wait for a direct ack before probing indirectly (never scaled); must be less than probeInterval. LAN 500 ms. */
    public Duration probeTimeout() {
        return probeTimeout;
    }

    /** Skip the TCP fallback ping of failed probes (default false). */
    public boolean disableTcpPings() {
        return disableTcpPings;
    }

    /** Lifeguard: the health score ranges over {@code [0, awarenessMaxMultiplier − 1]} (default 8 → 0..7). */
    public int awarenessMaxMultiplier() {
        return awarenessMaxMultiplier;
    }

    /** Random nodes sent queued broadcasts every gossipInterval (LAN 3); 0 disables the gossip loop. */
    public int gossipNodes() {
        return gossipNodes;
    }

    /** Period of the gossip loop (LAN 200 ms). */
    public Duration gossipInterval() {
        return gossipInterval;
    }

    /**
     * How long a dead node stays a gossip target (so it can hear it is dead and refute) and, at least, how long dead
     * and left entries with their incarnation are kept before they are reaped (LAN 30 s).
     */
    public Duration gossipToTheDeadTime() {
        return gossipToTheDeadTime;
    }

    /** With encryption on, reject unencrypted inbound traffic (default true). */
    public boolean gossipVerifyIncoming() {
        return gossipVerifyIncoming;
    }

    /** With encryption on, encrypt outbound traffic (default true). */
    public boolean gossipVerifyOutgoing() {
        return gossipVerifyOutgoing;
    }

    /** LZW-compress TCP messages always and UDP packets when smaller (default true). */
    public boolean enableCompression() {
        return enableCompression;
    }

    /** Inbound alive/suspect/dead/user messages waiting for the state thread; more are dropped (default 1024). */
    public int handoffQueueDepth() {
        return handoffQueueDepth;
    }

    /** Largest UDP packet we build, in bytes (default 1400, below common MTUs). */
    public int udpBufferSize() {
        return udpBufferSize;
    }

    /** A dead node's name may be taken by a new address after this long; {@link Duration#ZERO} = never (default). */
    public Duration deadNodeReclaimTime() {
        return deadNodeReclaimTime;
    }

    /**
     * Most broadcasts kept queued; past it the oldest (most retransmitted) are pruned. Not in memberlist, which is
     * unbounded; Serf's {@code MaxQueueDepth} default 4096.
     */
    public int maxBroadcastQueueDepth() {
        return maxBroadcastQueueDepth;
    }

    /** How often to retry joining the seed addresses while we know no other alive node (default 30 s, like Serf). */
    public Duration rejoinInterval() {
        return rejoinInterval;
    }

    /** Cluster label sent in front of every packet and stream (memberlist ≥ 0.3); "" (default) sends none. */
    public String label() {
        return label;
    }

    /** How this node repairs missed updates (default {@link AntiEntropy#MEMBERLIST}). */
    public AntiEntropy antiEntropy() {
        return antiEntropy;
    }

    /** The period of digest anti-entropy rounds (default 1 s, not scaled with the cluster size). */
    public Duration antiEntropyInterval() {
        return antiEntropyInterval;
    }

    /**
     * Our {@code Vsn}: {@code [PMin, PMax, PCur, DMin, DMax, DCur]}, plus ipkeeper's capability byte when an extension
     * is on (Go memberlist reads the first six bytes only). A new array each call.
     */
    public byte[] vsn() {
        byte[] memberlist = {(byte) PROTOCOL_VERSION_MIN, (byte) PROTOCOL_VERSION_MAX, (byte) protocolVersion,
                (byte) delegateProtocolMin, (byte) delegateProtocolMax, (byte) delegateProtocolVersion};
        if (antiEntropy != AntiEntropy.DIGEST) {
            return memberlist;
        }
        byte[] withCapabilities = java.util.Arrays.copyOf(memberlist, 7);
        withCapabilities[6] = (byte) io.ipkeeper.gossip.internal.wire.Capabilities.DIGEST_ANTI_ENTROPY;
        return withCapabilities;
    }

    @Override
    public String toString() {
        return "GossipConfig[name=" + name + ", bind=" + bindAddress.getHostAddress() + ":" + bindPort
                + ", probeInterval=" + probeInterval + ", probeTimeout=" + probeTimeout + ", gossipInterval="
                + gossipInterval + ", gossipNodes=" + gossipNodes + ", suspicionMult=" + suspicionMult
                + ", retransmitMult=" + retransmitMult + ", pushPullInterval=" + pushPullInterval + ", antiEntropy="
                + antiEntropy.label() + (antiEntropy == AntiEntropy.DIGEST ? " every " + antiEntropyInterval : "") + "]";
    }

    /** Mutable builder; {@link #build()} validates every field. */
    public static final class Builder {
        private String name;
        private InetAddress bindAddress = InetAddress.ofLiteral("0.0.0.0");
        private int bindPort = 7946;
        private InetAddress advertiseAddress;
        private int advertisePort = 7946;
        private int protocolVersion = 2;
        private int delegateProtocolMin;
        private int delegateProtocolMax;
        private int delegateProtocolVersion;
        private Duration tcpTimeout = Duration.ofSeconds(10);
        private int indirectChecks = 3;
        private int retransmitMult = 4;
        private int suspicionMult = 4;
        private int suspicionMaxTimeoutMult = 6;
        private Duration pushPullInterval = Duration.ofSeconds(30);
        private Duration probeInterval = Duration.ofSeconds(1);
        private Duration probeTimeout = Duration.ofMillis(500);
        private boolean disableTcpPings;
        private int awarenessMaxMultiplier = 8;
        private int gossipNodes = 3;
        private Duration gossipInterval = Duration.ofMillis(200);
        private Duration gossipToTheDeadTime = Duration.ofSeconds(30);
        private boolean gossipVerifyIncoming = true;
        private boolean gossipVerifyOutgoing = true;
        private boolean enableCompression = true;
        private int handoffQueueDepth = 1024;
        private int udpBufferSize = 1400;
        private Duration deadNodeReclaimTime = Duration.ZERO;
        private int maxBroadcastQueueDepth = 4096;
        private Duration rejoinInterval = Duration.ofSeconds(30);
        private String label = "";
        private AntiEntropy antiEntropy = AntiEntropy.MEMBERLIST;
        private Duration antiEntropyInterval = Duration.ofSeconds(1);

        private Builder() {}

        private Builder(GossipConfig c) {
            name = c.name;
            bindAddress = c.bindAddress;
            bindPort = c.bindPort;
            advertiseAddress = c.advertiseAddress;
            advertisePort = c.advertisePort;
            protocolVersion = c.protocolVersion;
            delegateProtocolMin = c.delegateProtocolMin;
            delegateProtocolMax = c.delegateProtocolMax;
            delegateProtocolVersion = c.delegateProtocolVersion;
            tcpTimeout = c.tcpTimeout;
            indirectChecks = c.indirectChecks;
            retransmitMult = c.retransmitMult;
            suspicionMult = c.suspicionMult;
            suspicionMaxTimeoutMult = c.suspicionMaxTimeoutMult;
            pushPullInterval = c.pushPullInterval;
            probeInterval = c.probeInterval;
            probeTimeout = c.probeTimeout;
            disableTcpPings = c.disableTcpPings;
            awarenessMaxMultiplier = c.awarenessMaxMultiplier;
            gossipNodes = c.gossipNodes;
            gossipInterval = c.gossipInterval;
            gossipToTheDeadTime = c.gossipToTheDeadTime;
            gossipVerifyIncoming = c.gossipVerifyIncoming;
            gossipVerifyOutgoing = c.gossipVerifyOutgoing;
            enableCompression = c.enableCompression;
            handoffQueueDepth = c.handoffQueueDepth;
            udpBufferSize = c.udpBufferSize;
            deadNodeReclaimTime = c.deadNodeReclaimTime;
            maxBroadcastQueueDepth = c.maxBroadcastQueueDepth;
            rejoinInterval = c.rejoinInterval;
            label = c.label;
            antiEntropy = c.antiEntropy;
            antiEntropyInterval = c.antiEntropyInterval;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** An IP literal (never resolved); a malformed literal fails here, naming the field. */
        public Builder bindAddress(String literal) {
            this.bindAddress = parseLiteral("bindAddress", literal);
            return this;
        }

        public Builder bindPort(int bindPort) {
            this.bindPort = bindPort;
            return this;
        }

        public Builder advertiseAddress(InetAddress advertiseAddress) {
            this.advertiseAddress = advertiseAddress;
            return this;
        }

        /** An IP literal (never resolved), or null to derive it from the bind address. */
        public Builder advertiseAddress(String literal) {
            this.advertiseAddress = literal == null ? null : parseLiteral("advertiseAddress", literal);
            return this;
        }

        public Builder advertisePort(int advertisePort) {
            this.advertisePort = advertisePort;
            return this;
        }

        public Builder protocolVersion(int protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        /** Delegate protocol range and version; Serf 0.9.x peers need (2, 5, 5). */
        public Builder delegateProtocol(int min, int max, int version) {
            this.delegateProtocolMin = min;
            this.delegateProtocolMax = max;
            this.delegateProtocolVersion = version;
            return this;
        }

        public Builder tcpTimeout(Duration tcpTimeout) {
            this.tcpTimeout = tcpTimeout;
            return this;
        }

        public Builder indirectChecks(int indirectChecks) {
            this.indirectChecks = indirectChecks;
            return this;
        }

        public Builder retransmitMult(int retransmitMult) {
            this.retransmitMult = retransmitMult;
            return this;
        }

        public Builder suspicionMult(int suspicionMult) {
            this.suspicionMult = suspicionMult;
            return this;
        }

        public Builder suspicionMaxTimeoutMult(int suspicionMaxTimeoutMult) {
            this.suspicionMaxTimeoutMult = suspicionMaxTimeoutMult;
            return this;
        }

        public Builder pushPullInterval(Duration pushPullInterval) {
            this.pushPullInterval = pushPullInterval;
            return this;
        }

        public Builder probeInterval(Duration probeInterval) {
            this.probeInterval = probeInterval;
            return this;
        }

        public Builder probeTimeout(Duration probeTimeout) {
            this.probeTimeout = probeTimeout;
            return this;
        }

        public Builder disableTcpPings(boolean disableTcpPings) {
            this.disableTcpPings = disableTcpPings;
            return this;
        }

        public Builder awarenessMaxMultiplier(int awarenessMaxMultiplier) {
            this.awarenessMaxMultiplier = awarenessMaxMultiplier;
            return this;
        }

        public Builder gossipNodes(int gossipNodes) {
            this.gossipNodes = gossipNodes;
            return this;
        }

        public Builder gossipInterval(Duration gossipInterval) {
            this.gossipInterval = gossipInterval;
            return this;
        }

        public Builder gossipToTheDeadTime(Duration gossipToTheDeadTime) {
            this.gossipToTheDeadTime = gossipToTheDeadTime;
            return this;
        }

        public Builder gossipVerifyIncoming(boolean gossipVerifyIncoming) {
            this.gossipVerifyIncoming = gossipVerifyIncoming;
            return this;
        }

        public Builder gossipVerifyOutgoing(boolean gossipVerifyOutgoing) {
            this.gossipVerifyOutgoing = gossipVerifyOutgoing;
            return this;
        }

        public Builder enableCompression(boolean enableCompression) {
            this.enableCompression = enableCompression;
            return this;
        }

        public Builder handoffQueueDepth(int handoffQueueDepth) {
            this.handoffQueueDepth = handoffQueueDepth;
            return this;
        }

        public Builder udpBufferSize(int udpBufferSize) {
            this.udpBufferSize = udpBufferSize;
            return this;
        }

        public Builder deadNodeReclaimTime(Duration deadNodeReclaimTime) {
            this.deadNodeReclaimTime = deadNodeReclaimTime;
            return this;
        }

        public Builder maxBroadcastQueueDepth(int maxBroadcastQueueDepth) {
            this.maxBroadcastQueueDepth = maxBroadcastQueueDepth;
            return this;
        }

        public Builder rejoinInterval(Duration rejoinInterval) {
            this.rejoinInterval = rejoinInterval;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** {@link AntiEntropy#MEMBERLIST} (default) or {@link AntiEntropy#DIGEST} (ipkeeper peers only, opt-in). */
        public Builder antiEntropy(AntiEntropy antiEntropy) {
            this.antiEntropy = antiEntropy;
            return this;
        }

        /** Period of digest anti-entropy rounds (default 1 s); used only with {@link AntiEntropy#DIGEST}. */
        public Builder antiEntropyInterval(Duration antiEntropyInterval) {
            this.antiEntropyInterval = antiEntropyInterval;
            return this;
        }

        /** Validates every field and returns the immutable config. */
        public GossipConfig build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name (" + (name == null ? "null" : "\"" + name + "\"")
                        + ") must be a non-blank node name, unique in the cluster");
            }
            nonNull("bindAddress", bindAddress);
            port("bindPort", bindPort);
            port("advertisePort", advertisePort);
            range("protocolVersion", protocolVersion, PROTOCOL_VERSION_MIN, PROTOCOL_VERSION_MAX);
            range("delegateProtocolMin", delegateProtocolMin, 0, 255);
            range("delegateProtocolMax", delegateProtocolMax, 0, 255);
            range("delegateProtocolVersion", delegateProtocolVersion, 0, 255);
            if (delegateProtocolMin > delegateProtocolMax) {
                throw new IllegalArgumentException("delegateProtocolMin (" + delegateProtocolMin
                        + ") must not be greater than delegateProtocolMax (" + delegateProtocolMax + ")");
            }
            if (delegateProtocolVersion < delegateProtocolMin || delegateProtocolVersion > delegateProtocolMax) {
                throw new IllegalArgumentException("delegateProtocolVersion (" + delegateProtocolVersion
                        + ") must be in [delegateProtocolMin, delegateProtocolMax] = [" + delegateProtocolMin + ", "
                        + delegateProtocolMax + "]");
            }
            positive("tcpTimeout", tcpTimeout);
            atLeast("indirectChecks", indirectChecks, 0);
            atLeast("retransmitMult", retransmitMult, 1);
            atLeast("suspicionMult", suspicionMult, 1);
            atLeast("suspicionMaxTimeoutMult", suspicionMaxTimeoutMult, 1);
            notNegative("pushPullInterval", pushPullInterval);
            positive("probeInterval", probeInterval);
            positive("probeTimeout", probeTimeout);
            if (probeTimeout.compareTo(probeInterval) >= 0) {
                throw new IllegalArgumentException("probeTimeout (" + probeTimeout + ") must be less than probeInterval ("
                        + probeInterval + ")");
            }
            atLeast("awarenessMaxMultiplier", awarenessMaxMultiplier, 1);
            atLeast("gossipNodes", gossipNodes, 0);
            positive("gossipInterval", gossipInterval);
            notNegative("gossipToTheDeadTime", gossipToTheDeadTime);
            atLeast("handoffQueueDepth", handoffQueueDepth, 1);
            range("udpBufferSize", udpBufferSize, MIN_UDP_BUFFER_SIZE, MAX_UDP_PAYLOAD);
            notNegative("deadNodeReclaimTime", deadNodeReclaimTime);
            atLeast("maxBroadcastQueueDepth", maxBroadcastQueueDepth, 1);
            positive("rejoinInterval", rejoinInterval);
            nonNull("label", label);
            nonNull("antiEntropy", antiEntropy);
            positive("antiEntropyInterval", antiEntropyInterval);
            int labelBytes = label.getBytes(StandardCharsets.UTF_8).length;
            if (labelBytes > 255) {
                throw new IllegalArgumentException("label (" + labelBytes + " bytes) must be at most 255 bytes of UTF-8");
            }
            return new GossipConfig(this);
        }

        private static InetAddress parseLiteral(String field, String literal) {
            try {
                return InetAddress.ofLiteral(Objects.requireNonNull(literal, field));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(field + " (" + literal + ") must be an IPv4 or IPv6 literal", e);
            }
        }

        private static void nonNull(String field, Object value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not be null");
            }
        }

        private static void port(String field, int value) {
            range(field, value, 0, 65_535);
        }

        private static void range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(field + " (" + value + ") must be in [" + min + ", " + max + "]");
            }
        }

        private static void atLeast(String field, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(field + " (" + value + ") must be at least " + min);
            }
        }

        private static void positive(String field, Duration d) {
            nonNull(field, d);
            if (!d.isPositive()) {
                throw new IllegalArgumentException(field + " (" + d + ") must be positive");
            }
        }

        private static void notNegative(String field, Duration d) {
            nonNull(field, d);
            if (d.isNegative()) {
                throw new IllegalArgumentException(field + " (" + d + ") must not be negative (0 disables it)");
            }
        }
    }
}
