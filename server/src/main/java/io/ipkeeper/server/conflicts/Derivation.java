package io.ipkeeper.server.conflicts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rules, as a pure function of the evidence at one address: which conflicts should be open there, with which
 * MACs. The engine compares this with what is open and opens, updates or resolves the difference. {@code stale} is
 * not derived here: it needs the absence of evidence over a longer time and agent coverage (see the engine's sweep).
 */
final class Derivation {
    private Derivation() {}

    /** The conflicts {@code e} calls for, by kind, each with the MACs to show. */
    static Map<ConflictKind, List<String>> desired(Evidence e) {
        Map<ConflictKind, List<String>> out = new EnumMap<>(ConflictKind.class);
        List<String> macs = List.copyOf(e.macs().keySet());
        if (macs.size() >= 2) {
            // one address, several stations, even if never at the same instant: the ARP tables of the segment flip
            out.put(ConflictKind.DUPLICATE, macs);
        }
        boolean live = e.allocation() != null && !"quarantined".equals(e.allocation().state());
        if (!macs.isEmpty() && !live && e.managed()) {
            // no allocation, or released into quarantine while a host still uses it: the next allocation collides
            out.put(ConflictKind.UNALLOCATED_IN_USE, macs);
        }
        if (live && e.allocation().mac() != null && macs.stream().anyMatch(m -> !m.equals(e.allocation().mac()))) {
            out.put(ConflictKind.MAC_MISMATCH, macs);
        }
        return out;
    }
}
