package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.net.AddressRange;

/** One row of the free-space index: a maximal run of never-used addresses of one pool. */
public record FreeExtent(long id, long poolId, AddressRange range) {}
