package io.ipkeeper.ipam.net;

/** Text forms: dotted-quad IPv4; RFC 5952 IPv6 (lower case, no leading zeros, longest zero run of 2+ as "::"). */
final class AddressFormatter {

    private AddressFormatter() {}

    static String format(IpAddress a) {
        if (a.isV4()) {
            return v4((int) a.lo());
        }
        int[] g = new int[8];
        for (int k = 0; k < 4; k++) {
            g[k] = (int) (a.hi() >>> (48 - 16 * k)) & 0xFFFF;
            g[k + 4] = (int) (a.lo() >>> (48 - 16 * k)) & 0xFFFF;
        }
        // RFC 5952 section 5: IPv4-mapped addresses keep the dotted-quad tail.
        if (a.hi() == 0 && (a.lo() >>> 32) == 0xFFFFL) {
            return "::ffff:" + v4((int) a.lo());
        }
        int bestStart = -1;
        int bestLen = 1; // a single zero group is never compressed
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static String v4(int v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
