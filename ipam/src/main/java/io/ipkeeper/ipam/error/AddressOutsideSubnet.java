package io.ipkeeper.ipam.error;

/** An address (specific allocation, gateway) that is not inside the subnet it was asked for. */
public final class AddressOutsideSubnet extends IpamException {
    public AddressOutsideSubnet(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "address_outside_subnet";
    }
}
