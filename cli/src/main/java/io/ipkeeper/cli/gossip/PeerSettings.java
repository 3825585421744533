package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.Keyring;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import io.ipkeeper.gossip.serf.SerfDelegate;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated settings of one {@code ipkeeper gossip} node, from the Go peer's flags.
 *
 * @param seeds the {@code -join} list as given (printed back in the {@code joined} event)
 * @param meta the node meta: Serf tags ({@code 0xFF} + msgpack) when {@code -tags} is set, else the raw {@code -meta}
 * @param key the initial primary key, or null
 * @param run stop (gracefully) after this long; zero = until a signal
 * @param membersEvery period of {@code members} events; zero = never
 */
record PeerSettings(String name, String bind, int port, List<String> seeds, String profile, boolean serf,
        Map<String, String> tags, byte[] meta, byte[] key, boolean compress, Duration run, Duration membersEvery,
        boolean exitOnEof) {

    /** Validates the raw flag values; a bad one is an IllegalArgumentException naming the flag. */
    static PeerSettings of(String name, String bind, int port, String join, String profile, boolean serf, String tags,
            String meta, String key, boolean noCompress, String run, String membersEvery, boolean exitOnEof) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("-port " + port + ": must be in [0, 65535]");
        }
        if (!List.of("local", "lan", "wan").contains(profile)) {
            throw new IllegalArgumentException("bad -profile \"" + profile + "\" (want local|lan|wan)");
        }
        Map<String, String> tagMap = parseTags(tags);
        byte[] metaBytes;
        try {
            metaBytes = !tagMap.isEmpty() ? SerfTags.encode(tagMap) : meta.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-tags: " + e.getMessage(), e);
        }
        if (metaBytes.length > GossipConfig.META_MAX_SIZE) {
            throw new IllegalArgumentException("-meta: " + metaBytes.length + " bytes, more than "
                    + GossipConfig.META_MAX_SIZE);
        }
        byte[] keyBytes = null;
        if (!key.isEmpty()) {
            try {
                keyBytes = Keyring.decode(key);
                io.ipkeeper.gossip.internal.wire.Keyring.validate(keyBytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad -key: " + e.getMessage(), e);
            }
        }
        List<String> seeds = new ArrayList<>();
        for (String s : join.split(",")) {
            if (!s.isBlank()) {
                hostPort("-join", s.strip());
                seeds.add(s.strip());
            }
        }
        return new PeerSettings(name.isEmpty() ? "peer-" + port : name, bind, port, List.copyOf(seeds), profile, serf,
                tagMap, metaBytes, keyBytes, !noCompress, duration("-run", run), duration("-members-every", membersEvery),
                exitOnEof);
    }

    /** The node's config: the profile's preset, our name and address, Serf's delegate versions with {@code -serf}. */
    GossipConfig config() {
        GossipConfig.Builder b = switch (profile) {
            case "lan" -> GossipConfig.lan();
            case "wan" -> GossipConfig.wan();
            default -> GossipConfig.local();
        };
        try {
            b.bindAddress(bind).advertiseAddress(bind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-bind " + bind + ": must be an IP address", e);
        }
        b.name(name).bindPort(port).advertisePort(port).enableCompression(compress);
        if (serf) {
            SerfDelegate.configure(b);
        }
        return b.build();
    }

    List<InetSocketAddress> seedAddresses() {
        return seeds.stream().map(s -> hostPort("-join", s)).toList();
    }

    /** {@code k=v,k2=v2} as the Go peer reads {@code -tags}. */
    static Map<String, String> parseTags(String spec) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String kv : spec.split(",")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bad tag \"" + kv + "\" (want k=v)");
            }
            tags.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return tags;
    }

    /** {@code host:port} or {@code [v6]:port}; the host is not resolved when it is an IP literal. */
    static InetSocketAddress hostPort(String flag, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(flag + " \"" + text + "\": want host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int p;
        try {
            p = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " \"" + text + "\": port is not a number", e);
        }
        if (p < 1 || p > 65_535) {
            throw new IllegalArgumentException(flag + " \"" + text + "\": port must be in [1, 65535]");
        }
        return new InetSocketAddress(host, p);
    }

    private static Duration duration(String flag, String text) {
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }
}
