package io.ipkeeper.agent.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two snapshots, by interface name: interfaces that appeared, disappeared, or differ in any
 * attribute (index, MAC, up/down, MTU, kind, addresses).
 */
public record InventoryDiff(List<HostInterface> added, List<HostInterface> removed, List<Change> changed) {

    /** One interface in both snapshots, with different attributes. */
    public record Change(HostInterface before, HostInterface after) {}

    public InventoryDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static InventoryDiff between(HostInventory before, HostInventory after) {
        Map<String, HostInterface> old = byName(before);
        Map<String, HostInterface> now = byName(after);
        List<HostInterface> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (HostInterface current : after.interfaces()) {
            HostInterface previous = old.get(current.name());
            if (previous == null) {
                added.add(current);
            } else if (!previous.equals(current)) {
                changed.add(new Change(previous, current));
            }
        }
        List<HostInterface> removed = before.interfaces().stream().filter(i -> !now.containsKey(i.name())).toList();
        return new InventoryDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<String, HostInterface> byName(HostInventory inventory) {
        return inventory.interfaces().stream().collect(Collectors.toMap(HostInterface::name, Function.identity()));
    }
}
