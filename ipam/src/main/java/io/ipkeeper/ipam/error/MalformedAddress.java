package io.ipkeeper.ipam.error;

/** An IP address literal that cannot be parsed. */
public final class MalformedAddress extends IpamException {
    public MalformedAddress(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "malformed_address";
    }
}
