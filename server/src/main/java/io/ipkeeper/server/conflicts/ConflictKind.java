package io.ipkeeper.server.conflicts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What disagrees with ipkeeper's records at one address (the {@code conflict.kind} column). */
public enum ConflictKind {
    /** Two or more MACs answer for the address. */
    DUPLICATE,
    /** A host uses the address without an allocation. */
    UNALLOCATED_IN_USE,
    /** The address is answered by a MAC other than the allocation's. */
    MAC_MISMATCH,
    /** An allocation nobody has been seen using for long. */
    STALE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConflictKind> of(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
