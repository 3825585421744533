package io.ipkeeper.ipam.error;

/** The referenced space, subnet, range or allocation does not exist. */
public final class NotFound extends IpamException {
    public NotFound(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not_found";
    }
}
