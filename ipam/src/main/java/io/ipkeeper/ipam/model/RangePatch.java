package io.ipkeeper.ipam.model;

import java.util.Optional;

/**
 * A change to a range (what a PATCH carries). {@code null} components are left as they are; {@code owner} and
 * {@code description} may be cleared with {@code Optional.empty()}. Start and end may move only so that every live
 * allocation of the range stays inside it, the range stays inside its subnet, and it overlaps no other range.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null = unchanged, empty = clear: three states on purpose
public record RangePatch(String start, String end, RangePurpose purpose, Optional<String> owner, Optional<String> description) {

    public static RangePatch none() {
        return new RangePatch(null, null, null, null, null);
    }

    public RangePatch span(String s, String e) {
        return new RangePatch(s, e, purpose, owner, description);
    }

    public RangePatch purpose(RangePurpose p) {
        return new RangePatch(start, end, p, owner, description);
    }

    /** Delegates the range to {@code o} ({@code null}: to nobody, visible to every owner). */
    public RangePatch owner(String o) {
        return new RangePatch(start, end, purpose, Optional.ofNullable(o), description);
    }

    public RangePatch description(String d) {
        return new RangePatch(start, end, purpose, owner, Optional.ofNullable(d));
    }
}
