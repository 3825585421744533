package io.ipkeeper.server.agents;

import io.ipkeeper.server.api.ApiProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses as the server stores them: lower case, colon separated ({@code 02:00:5e:10:00:01}). */
final class Macs {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}([:-][0-9a-f]{2}){5}");

    private Macs() {}

    /** Whether {@code text} is the all-zero MAC in any accepted spelling. */
    static boolean isZero(String text) {
        return text.strip().replace('-', ':').equals("00:00:00:00:00:00");
    }

    /** The canonical form, or a 422 naming {@code where}; zero and group (multicast/broadcast) MACs name no host. */
    static String normalize(String text, String where) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!MAC.matcher(t).matches()) {
            throw ApiProblem.invalid("'" + where + "' must be a MAC address such as 02:00:5e:10:00:01, not '" + text + "'");
        }
        String mac = t.replace('-', ':');
        if (mac.equals("00:00:00:00:00:00") || (Integer.parseInt(mac.substring(0, 2), 16) & 1) == 1) {
            throw ApiProblem.invalid("'" + where + "': " + mac + " is not a host's MAC (zero, multicast or broadcast)");
        }
        return mac;
    }
}
