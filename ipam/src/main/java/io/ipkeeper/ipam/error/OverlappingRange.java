package io.ipkeeper.ipam.error;

/** A new range overlaps an existing range of the same subnet. */
public final class OverlappingRange extends IpamException {
    public OverlappingRange(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "overlapping_range";
    }
}
