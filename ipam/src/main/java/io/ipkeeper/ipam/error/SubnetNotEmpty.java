package io.ipkeeper.ipam.error;

/** The subnet or range still holds allocations, ranges or children, so it cannot be changed that way. */
public final class SubnetNotEmpty extends IpamException {
    public SubnetNotEmpty(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "subnet_not_empty";
    }
}
