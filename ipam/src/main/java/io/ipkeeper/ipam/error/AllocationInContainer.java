package io.ipkeeper.ipam.error;

/** Addresses are allocated in leaf subnets only; this subnet is a container (it has child subnets). */
public final class AllocationInContainer extends IpamException {
    public AllocationInContainer(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "allocation_in_container";
    }
}
