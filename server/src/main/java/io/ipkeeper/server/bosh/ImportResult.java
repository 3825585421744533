package io.ipkeeper.server.bosh;

import java.util.List;

/**
 * What an import did: addresses newly recorded for the director, addresses already recorded for it, and conflicts,
 * which are reported and never overwritten.
 */
public record ImportResult(String owner, List<Entry> imported, List<Entry> unchanged, List<Conflict> conflicts) {

    /** An address recorded for {@code instance}. */
    public record Entry(String address, String instance) {}

    /** An address the director uses that ipkeeper cannot record for it, and why. */
    public record Conflict(String address, String instance, String reason) {}

    public ImportResult {
        imported = List.copyOf(imported);
        unchanged = List.copyOf(unchanged);
        conflicts = List.copyOf(conflicts);
    }
}
