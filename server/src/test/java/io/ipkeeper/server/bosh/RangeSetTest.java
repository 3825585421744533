package io.ipkeeper.server.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Range arithmetic against brute force over single addresses. */
class RangeSetTest {

    private static IpAddress addr(int i) {
        return IpAddress.parse("198.18.0." + i);
    }

    private static RangeSet set(List<int[]> pairs) {
        List<AddressRange> rs = new ArrayList<>();
        for (int[] p : pairs) {
            rs.add(new AddressRange(addr(Math.min(p[0], p[1])), addr(Math.max(p[0], p[1]))));
        }
        return RangeSet.of(rs);
    }

    private static Set<Integer> members(RangeSet s) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < 256; i++) {
            if (s.contains(addr(i))) {
                out.add(i);
            }
        }
        return out;
    }

    private static Set<Integer> brute(List<int[]> pairs) {
        Set<Integer> out = new TreeSet<>();
        for (int[] p : pairs) {
            for (int i = Math.min(p[0], p[1]); i <= Math.max(p[0], p[1]); i++) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<int[]> pairs(List<Integer> ends) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < ends.size(); i += 2) {
            out.add(new int[] {ends.get(i), ends.get(i + 1)});
        }
        return out;
    }

    @Test
    void adjacentAndOverlappingRangesMerge() {
        RangeSet s = set(List.of(new int[] {10, 20}, new int[] {21, 25}, new int[] {5, 12}, new int[] {40, 40}));
        assertThat(s.ranges()).extracting(CloudConfigSubnet::text)
                .containsExactly("198.18.0.5 - 198.18.0.25", "198.18.0.40");
    }

    @Property(tries = 300)
    void unionMinusAndIntersectAgreeWithBruteForce(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 255) Integer> a,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 255) Integer> b) {
        RangeSet x = set(pairs(a));
        RangeSet y = set(pairs(b));
        Set<Integer> bx = brute(pairs(a));
        Set<Integer> by = brute(pairs(b));
        assertThat(members(x)).isEqualTo(bx);
        Set<Integer> union = new TreeSet<>(bx);
        union.addAll(by);
        assertThat(members(x.union(y))).isEqualTo(union);
        Set<Integer> minus = new TreeSet<>(bx);
        minus.removeAll(by);
        assertThat(members(x.minus(y))).isEqualTo(minus);
        Set<Integer> both = new TreeSet<>(bx);
        both.retainAll(by);
        assertThat(members(x.intersect(y))).isEqualTo(both);
        // canonical: sorted, and neither overlapping nor adjacent
        List<AddressRange> rs = x.minus(y).ranges();
        for (int i = 1; i < rs.size(); i++) {
            assertThat(rs.get(i - 1).end().next().isBefore(rs.get(i).start())).isTrue();
        }
    }
}
