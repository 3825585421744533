package io.ipkeeper.server.conflicts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a conflict is in its life: reported, seen by a person, or no longer observed. */
public enum ConflictState {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConflictState> of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
