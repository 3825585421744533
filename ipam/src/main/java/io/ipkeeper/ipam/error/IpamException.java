package io.ipkeeper.ipam.error;

/**
 * Base of every typed IPAM error. Each subclass names one thing a caller got wrong (or one state that prevents the
 * request); the message is written for a person. Whenever one of these is thrown, nothing was written.
 */
public abstract sealed class IpamException extends RuntimeException
        permits MalformedAddress, MalformedPrefix, PoolExhausted, AddressOutsideSubnet, OverlappingSubnet,
        RangeOutsideSubnet, OverlappingRange, AllocationInContainer, AddressNotAvailable, IdempotencyConflict,
        NotFound, OwnerNotPermitted, InvalidRequest, SubnetNotEmpty, VettingFailed {

    protected IpamException(String message) {
        super(message);
    }

    /** A short stable code for APIs (e.g. {@code pool_exhausted}). */
    public abstract String code();
}
