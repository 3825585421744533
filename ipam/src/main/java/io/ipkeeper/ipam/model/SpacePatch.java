package io.ipkeeper.ipam.model;

import java.util.Optional;

/**
 * A change to an address space (what a PATCH carries). {@code name} is {@code null} to keep it (a space always has
 * one); {@code description} is {@code null} to keep it, {@code Optional.empty()} to clear it, or a value to set it.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null = unchanged, empty = clear: three states on purpose
public record SpacePatch(String name, Optional<String> description) {

    public static SpacePatch none() {
        return new SpacePatch(null, null);
    }

    public SpacePatch name(String n) {
        return new SpacePatch(n, description);
    }

    public SpacePatch description(String d) {
        return new SpacePatch(name, Optional.ofNullable(d));
    }
}
