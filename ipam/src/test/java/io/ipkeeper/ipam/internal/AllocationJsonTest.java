package io.ipkeeper.ipam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written audit JSON of an allocation is exactly Jackson's, for any row. */
class AllocationJsonTest {

    @Provide
    Arbitrary<Allocation> allocations() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(20).injectNull(0.3);
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_102_444_800_000L)
                .map(ms -> Instant.ofEpochMilli(ms).plusNanos(ms % 7 * 1_000)).injectNull(0.4);
        Arbitrary<IpAddress> address = Arbitraries.oneOf(
                Arbitraries.integers().map(IpAddress::ofV4),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(IpAddress::ofV6));
        Arbitrary<Long> id = Arbitraries.longs().greaterOrEqual(0);
        return Combinators.combine(
                Combinators.combine(id, id, id, id.injectNull(0.5), address, Arbitraries.of(AllocationState.class))
                        .as((p, q, r, s, t, u) -> new Object[] {p, q, r, s, t, u}),
                Combinators.combine(text, text, text, text, text, time, time, time)
                        .as((p, q, r, s, t, u, v, w) -> new Object[] {p, q, r, s, t, u, v, w}),
                Combinators.combine(text, text, time).as((p, q, r) -> new Object[] {p, q, r}))
                .as((a, b, c) -> new Allocation((Long) a[0], (Long) a[1], (Long) a[2], (Long) a[3], (IpAddress) a[4],
                        (AllocationState) a[5], (String) b[0], (String) b[1], (String) b[2], (String) b[3],
                        (String) b[4], (Instant) b[5], (Instant) b[6], (Instant) b[7], (String) c[0], (String) c[1],
                        (Instant) c[2]));
    }

    @Property(tries = 2000)
    void sameTextAsJackson(@ForAll("allocations") Allocation a) {
        assertThat(AllocationJson.write(a)).isEqualTo(Json.write(a));
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscapedAsJacksonDoes() {
        Allocation a = new Allocation(1, 2, 3, null, IpAddress.ofV4(0x0A000001), AllocationState.RESERVED,
                "o\"w\\n\u0001er\n\t\b\f\r\u001f\u007f", "h\u2028é", null, null, null, null, null, null, null, "me",
                Instant.parse("2026-11-24T04:50:00.123456Z"));
        assertThat(AllocationJson.write(a)).isEqualTo(Json.write(a)).contains("\\u0001").contains("\\\"");
        assertThat(AllocationJson.write(null)).isNull();
    }
}
