package io.ipkeeper.agent.internal.inventory;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import io.ipkeeper.agent.inventory.InventoryFormatException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every interface under a {@code /sys/class/net}-shaped directory: {@code ifindex}, {@code address},
 * {@code flags}, {@code mtu}, {@code type} and whether a {@code device} entry exists. An interface that disappears
 * while being read is skipped, since interfaces come and go.
 */
public final class SysfsNetParser {

    private static final int IFF_UP = 0x1;
    private static final int ARPHRD_LOOPBACK = 772;

    private SysfsNetParser() {}

    public static List<SysfsLink> read(Path sysClassNet) throws IOException {
        List<SysfsLink> links = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sysClassNet)) {
            for (Path entry : entries) {
                try {
                    readLink(entry).ifPresent(links::add);
                } catch (NoSuchFileException vanished) {
                    // The interface was removed between listing and reading: not an error.
                }
            }
        }
        return links;
    }

    private static Optional<SysfsLink> readLink(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty(); // e.g. bonding_masters, a plain file
        }
        String name = dir.getFileName().toString();
        int index = parseInt(dir.resolve("ifindex"), 10);
        int flags = parseInt(dir.resolve("flags"), 16);
        int mtu = parseInt(dir.resolve("mtu"), 10);
        int type = parseInt(dir.resolve("type"), 10);
        Optional<MacAddress> mac = readMac(dir.resolve("address"));
        InterfaceKind kind = type == ARPHRD_LOOPBACK ? InterfaceKind.LOOPBACK
                : Files.exists(dir.resolve("device")) ? InterfaceKind.PHYSICAL : InterfaceKind.VIRTUAL;
        return Optional.of(new SysfsLink(name, index, mac, (flags & IFF_UP) != 0, mtu, kind));
    }

    /** An Ethernet address, or empty for links without one (tun: empty file; ipip: 4 bytes). */
    private static Optional<MacAddress> readMac(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file).strip();
        if (text.isEmpty() || text.length() != 17) {
            return Optional.empty();
        }
        try {
            return Optional.of(MacAddress.parse(text));
        } catch (IllegalArgumentException e) {
            throw new InventoryFormatException(file + ": not a MAC address: '" + text + "'");
        }
    }

    /** Reads one number; sysfs writes hex flags as {@code 0x1003}. */
    private static int parseInt(Path file, int radix) throws IOException {
        String text = Files.readString(file).strip();
        String digits = radix == 16 && text.startsWith("0x") ? text.substring(2) : text;
        try {
            return Integer.parseUnsignedInt(digits, radix);
        } catch (NumberFormatException e) {
            throw new InventoryFormatException(file + ": expected a " + (radix == 16 ? "hex" : "decimal") + " number, got '" + text + "'");
        }
    }
}
