package io.ipkeeper.ipam.error;

/** A new subnet overlaps an existing one that is not its parent (siblings must not overlap). */
public final class OverlappingSubnet extends IpamException {
    public OverlappingSubnet(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "overlapping_subnet";
    }
}
