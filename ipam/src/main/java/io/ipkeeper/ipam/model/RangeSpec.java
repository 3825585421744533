package io.ipkeeper.ipam.model;

/** What a caller asks for when creating a range (addresses as text; validated by the service). */
public record RangeSpec(long subnetId, String start, String end, RangePurpose purpose, String owner, String description) {

    public static RangeSpec of(long subnetId, String start, String end, RangePurpose purpose) {
        return new RangeSpec(subnetId, start, end, purpose, null, null);
    }

    public RangeSpec ownedBy(String o) {
        return new RangeSpec(subnetId, start, end, purpose, o, description);
    }
}
