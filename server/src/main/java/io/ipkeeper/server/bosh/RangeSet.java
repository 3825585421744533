package io.ipkeeper.server.bosh;

import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A set of addresses as sorted, disjoint, non-adjacent ranges: the arithmetic behind a cloud-config's {@code reserved}
 * and {@code static} lists. Immutable.
 */
final class RangeSet {
    private final List<AddressRange> ranges;

    private RangeSet(List<AddressRange> mergedSorted) {
        this.ranges = List.copyOf(mergedSorted);
    }

    static RangeSet of(Collection<AddressRange> any) {
        List<AddressRange> sorted = new ArrayList<>(any);
        sorted.sort(Comparator.comparing(AddressRange::start));
        List<AddressRange> out = new ArrayList<>();
        for (AddressRange r : sorted) {
            if (!out.isEmpty()) {
                AddressRange last = out.get(out.size() - 1);
                // overlapping or adjacent: one range (last.end + 1 >= r.start)
                if (last.end().isMax() || !last.end().next().isBefore(r.start())) {
                    if (r.end().isAfter(last.end())) {
                        out.set(out.size() - 1, new AddressRange(last.start(), r.end()));
                    }
                    continue;
                }
            }
            out.add(r);
        }
        return new RangeSet(out);
    }

    List<AddressRange> ranges() {
        return ranges;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    RangeSet union(RangeSet o) {
        List<AddressRange> all = new ArrayList<>(ranges);
        all.addAll(o.ranges);
        return of(all);
    }

    /** The addresses of {@code this} that are not in {@code o}. */
    RangeSet minus(RangeSet o) {
        List<AddressRange> out = new ArrayList<>();
        for (AddressRange r : ranges) {
            IpAddress cursor = r.start();
            boolean done = false;
            for (AddressRange cut : o.ranges) {
                if (cut.end().isBefore(cursor) || cut.start().isAfter(r.end())) {
                    continue;
                }
                if (cut.start().isAfter(cursor)) {
                    out.add(new AddressRange(cursor, cut.start().previous()));
                }
                if (!cut.end().isBefore(r.end())) {
                    done = true;
                    break;
                }
                cursor = cut.end().next();
            }
            if (!done) {
                out.add(new AddressRange(cursor, r.end()));
            }
        }
        return new RangeSet(out);
    }

    /** The addresses in both. */
    RangeSet intersect(RangeSet o) {
        return minus(minus(o));
    }

    boolean contains(IpAddress a) {
        return ranges.stream().anyMatch(r -> r.contains(a));
    }
}
