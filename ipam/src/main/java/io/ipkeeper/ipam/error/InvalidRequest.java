package io.ipkeeper.ipam.error;

/** A request field is missing or out of bounds (count, prefix length, names...). */
public final class InvalidRequest extends IpamException {
    public InvalidRequest(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid_request";
    }
}
