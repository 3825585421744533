package io.ipkeeper.ipam.error;

/** A range whose start or end lies outside its subnet, or whose start is after its end. */
public final class RangeOutsideSubnet extends IpamException {
    public RangeOutsideSubnet(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "range_outside_subnet";
    }
}
