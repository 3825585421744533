package io.ipkeeper.agent.inventory;

import java.io.IOException;

/** Reads a fresh snapshot of the host's interfaces. */
@FunctionalInterface
public interface InventoryReader {

    HostInventory read() throws IOException;
}
