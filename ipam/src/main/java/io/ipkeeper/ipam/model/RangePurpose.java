package io.ipkeeper.ipam.model;

import java.util.Locale;

/** What a range is for. Addresses of a {@code RESERVED} range are never handed out. */
public enum RangePurpose {
    STATIC,
    DYNAMIC,
    RESERVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RangePurpose ofLabel(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
