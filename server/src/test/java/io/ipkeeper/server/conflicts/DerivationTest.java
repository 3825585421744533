package io.ipkeeper.server.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The conflict rules on hand-made evidence. */
class DerivationTest {
    private static final String A = "02:00:5e:10:00:0a";
    private static final String B = "02:00:5e:10:00:0b";
    private static final Instant T = Instant.parse("2026-11-23T18:00:00Z");

    private static Evidence seen(Evidence.Allocated allocation, boolean managed, String... macs) {
        TreeMap<String, Evidence.Seen> m = new TreeMap<>();
        for (String mac : macs) {
            m.put(mac, new Evidence.Seen(T, T.plusSeconds(900)));
        }
        return new Evidence(m, allocation, managed);
    }

    @Test
    void twoMacsOnOneAddressAreADuplicateAndWithoutAnAllocationAlsoUnallocated() {
        assertThat(Derivation.desired(seen(null, true, B, A))).isEqualTo(Map.of(
                ConflictKind.DUPLICATE, List.of(A, B), ConflictKind.UNALLOCATED_IN_USE, List.of(A, B)));
    }

    @Test
    void oneMacOnAFreeManagedAddressIsUnallocatedButOutsideEverySubnetIsNothing() {
        assertThat(Derivation.desired(seen(null, true, A))).containsOnlyKeys(ConflictKind.UNALLOCATED_IN_USE);
        assertThat(Derivation.desired(seen(null, false, A))).isEmpty();
    }

    @Test
    void anAllocationWithItsOwnMacIsFineAndAnotherMacIsAMismatch() {
        assertThat(Derivation.desired(seen(new Evidence.Allocated(A, "allocated"), true, A))).isEmpty();
        assertThat(Derivation.desired(seen(new Evidence.Allocated(null, "allocated"), true, B))).as("no MAC recorded")
                .isEmpty();
        assertThat(Derivation.desired(seen(new Evidence.Allocated(A, "allocated"), true, B)))
                .isEqualTo(Map.of(ConflictKind.MAC_MISMATCH, List.of(B)));
        assertThat(Derivation.desired(seen(new Evidence.Allocated(A, "reserved"), true, A, B))).containsOnlyKeys(
                ConflictKind.DUPLICATE, ConflictKind.MAC_MISMATCH);
    }

    @Test
    void aQuarantinedAddressInUseIsUnallocatedInUse() {
        assertThat(Derivation.desired(seen(new Evidence.Allocated(A, "quarantined"), true, A)))
                .containsOnlyKeys(ConflictKind.UNALLOCATED_IN_USE);
    }

    @Test
    void noEvidenceNoConflict() {
        assertThat(Derivation.desired(Evidence.none(null, true))).isEmpty();
        assertThat(Derivation.desired(Evidence.none(new Evidence.Allocated(A, "allocated"), true))).isEmpty();
    }
}
