package io.ipkeeper.ipam.error;

/** The range is delegated to another owner; it is invisible to this caller. */
public final class OwnerNotPermitted extends IpamException {
    public OwnerNotPermitted(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "owner_not_permitted";
    }
}
