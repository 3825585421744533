package io.ipkeeper.agent.internal.inventory;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import java.util.Optional;

/** The link-level attributes of one interface as /sys/class/net/NAME shows them. */
public record SysfsLink(String name, int index, Optional<MacAddress> mac, boolean up, int mtu, InterfaceKind kind) {}
