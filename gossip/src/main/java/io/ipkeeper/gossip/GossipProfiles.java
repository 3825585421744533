package io.ipkeeper.gossip;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The named timing presets ({@code lan}, {@code wan}, {@code local}) and the checks every member's settings share, so
 * the server, the agent and the test peer accept and refuse exactly the same values.
 */
public final class GossipProfiles {
    /** The preset names, in the order they are listed in messages. */
    public static final List<String> NAMES = List.of("lan", "wan", "local");

    private GossipProfiles() {
    }

    /** A fresh builder for the named preset; an unknown name is an {@link IllegalArgumentException}. */
    public static GossipConfig.Builder preset(String profile) {
        return switch (requireProfile(profile)) {
            case "wan" -> GossipConfig.wan();
            case "local" -> GossipConfig.local();
            default -> GossipConfig.lan();
        };
    }

    /** Returns {@code profile} if it names a preset, else throws {@link IllegalArgumentException}. */
    public static String requireProfile(String profile) {
        if (!NAMES.contains(profile)) {
            throw new IllegalArgumentException("profile must be lan, wan or local, not " + profile);
        }
        return profile;
    }

    /**
     * Refuses a wildcard or unresolved bind address: the bind address is also the one advertised to the other
     * members, and a wildcard would tell them nothing.
     */
    public static InetSocketAddress requireAdvertisable(InetSocketAddress bind) {
        if (bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("gossip.bind must be an address the others can reach, such as"
                    + " 198.18.0.5:7946, not " + bind);
        }
        return bind;
    }

    /** Every key must be an AES-128, -192 or -256 key. */
    public static List<byte[]> requireKeys(List<byte[]> keys) {
        for (byte[] k : keys) {
            if (k.length != 16 && k.length != 24 && k.length != 32) {
                throw new IllegalArgumentException("a gossip key must be 16, 24 or 32 bytes, not " + k.length);
            }
        }
        return List.copyOf(keys);
    }
}
