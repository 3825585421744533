package io.ipkeeper.gossip.internal.wire;

/**
 * ipkeeper's capability byte: an optional seventh byte of {@code Vsn}, after memberlist's six
 * ({@code [PMin, PMax, PCur, DMin, DMax, DCur]}). Go memberlist reads only the first six bytes (and requires at least
 * six), so the byte travels unnoticed in alive messages; a node sends ipkeeper extensions only to peers that announced
 * them here. A Go node keeps the six bytes it knows and echoes only those in its push/pull, so a peer learnt that way
 * is treated as not capable: the fallback is always plain memberlist.
 */
public final class Capabilities {
    /** Bit 0: understands the digest anti-entropy messages (types 96–98). */
    public static final int DIGEST_ANTI_ENTROPY = 1;

    private Capabilities() {
    }

    /** The capability bits of a Vsn, 0 when it has no seventh byte. */
    public static int of(byte[] vsn) {
        return vsn == null || vsn.length < 7 ? 0 : vsn[6] & 0xff;
    }

    public static boolean has(byte[] vsn, int capability) {
        return (of(vsn) & capability) != 0;
    }
}
