package io.ipkeeper.agent.inventory;

/** Told by {@link InventoryWatcher} when a re-read differs from the previous snapshot. */
@FunctionalInterface
public interface InventoryListener {

    void changed(HostInventory before, HostInventory after, InventoryDiff diff);
}
