package io.ipkeeper.testkit.netns;

/**
 * The only addresses the fixture will assign: 198.18.0.0/15 (RFC 2544 benchmarking), never routed on the internet,
 * so a test can never talk to a real host by mistake.
 */
public final class TestNet {

    private TestNet() {}

    /**
     * Returns {@code cidr} (e.g. {@code 198.18.0.1/24}) if it is an IPv4 address with a prefix inside 198.18.0.0/15;
     * otherwise throws IllegalArgumentException saying why.
     */
    public static String requireTestNetCidr(String cidr) {
        String[] parts = cidr == null ? new String[0] : cidr.strip().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException("want an address with prefix like 198.18.0.1/24, got '" + cidr + "'");
        }
        int prefix = Integer.parseInt(parts[1]);
        requireTestNetAddress(parts[0]);
        if (prefix < 15 || prefix > 32) {
            throw new IllegalArgumentException("prefix /" + prefix + " of " + cidr + " reaches outside 198.18.0.0/15; use /15../32");
        }
        return parts[0] + "/" + prefix;
    }

    /** Returns {@code address} if it is a dotted quad inside 198.18.0.0/15; otherwise throws IllegalArgumentException. */
    public static String requireTestNetAddress(String address) {
        String[] octets = address == null ? new String[0] : address.strip().split("\\.", -1);
        boolean quad = octets.length == 4;
        for (int i = 0; quad && i < 4; i++) {
            quad = octets[i].matches("\\d{1,3}") && Integer.parseInt(octets[i]) <= 255;
        }
        if (!quad) {
            throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
        }
        int first = Integer.parseInt(octets[0]);
        int second = Integer.parseInt(octets[1]);
        if (first != 198 || (second != 18 && second != 19)) {
            throw new IllegalArgumentException(address + " is outside 198.18.0.0/15; the netns fixture assigns only"
                    + " benchmarking addresses so tests never reach a real network");
        }
        return address.strip();
    }
}
