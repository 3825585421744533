package io.ipkeeper.agent.internal.inventory;

import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.inventory.InventoryFormatException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code /proc/net/if_inet6}: one line per IPv6 address, six whitespace-separated fields: the address as 32 hex
 * digits, interface index, prefix length, scope, flags (all hex) and the interface name.
 */
public final class IfInet6Parser {

    private IfInet6Parser() {}

    /** Addresses by interface name, in file order. */
    public static Map<String, List<InterfaceAddress>> parse(String text) throws InventoryFormatException {
        Map<String, List<InterfaceAddress>> byInterface = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length != 6 || !f[0].matches("[0-9a-fA-F]{32}") || !f[2].matches("[0-9a-fA-F]{1,2}")) {
                throw new InventoryFormatException("/proc/net/if_inet6 line " + lineNumber
                        + ": expected '<32 hex digits> <index> <prefix> <scope> <flags> <name>', got '" + line + "'");
            }
            int prefix = Integer.parseInt(f[2], 16);
            if (prefix > 128) {
                throw new InventoryFormatException("/proc/net/if_inet6 line " + lineNumber + ": prefix length " + prefix + " exceeds 128");
            }
            byInterface.computeIfAbsent(f[5], k -> new ArrayList<>()).add(new InterfaceAddress(address(f[0]), prefix));
        }
        return byInterface;
    }

    private static InetAddress address(String hex) {
        try {
            return InetAddress.getByAddress(HexFormat.of().parseHex(hex));
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an IPv6 address", e);
        }
    }
}
