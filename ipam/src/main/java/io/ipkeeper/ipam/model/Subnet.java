package io.ipkeeper.ipam.model;

import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.time.Instant;
import java.util.List;

/**
 * A prefix in a space. A container holds child subnets (child prefixes are allocated in it); a leaf holds addresses.
 *
 * @param parentId the smallest enclosing subnet, or null at the top of the space
 * @param utilizationThreshold percent at which the subnet counts as nearly full, or null
 */
public record Subnet(long id, long spaceId, Long parentId, Prefix prefix, boolean container, IpAddress gateway,
                     Integer vlan, List<IpAddress> dnsServers, String description, Integer utilizationThreshold,
                     String createdBy, Instant createdAt) {}
