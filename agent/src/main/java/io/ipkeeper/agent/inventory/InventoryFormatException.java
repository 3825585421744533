package io.ipkeeper.agent.inventory;

import java.io.IOException;

/** A file under /sys or /proc did not have the format the kernel documents; the message names the file and the text. */
public final class InventoryFormatException extends IOException {

    public InventoryFormatException(String message) {
        super(message);
    }
}
