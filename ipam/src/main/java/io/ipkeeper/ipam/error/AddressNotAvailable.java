package io.ipkeeper.ipam.error;

/** A specific address that cannot be handed out: in use, quarantined, network/broadcast/gateway, or in a reserved range. */
public final class AddressNotAvailable extends IpamException {
    public AddressNotAvailable(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "address_not_available";
    }
}
