package io.ipkeeper.server.auth;

/** What a route needs. Roles are bundles of these; grants narrow ALLOCATE to spaces, ranges and owners
 * for engineer and service ({@link Role#narrowedByGrants()}). */
public enum Permission {
    /** Read spaces, subnets, ranges, allocations, free space and the audit log. */
    READ,
    /** Allocate, update and release addresses. */
    ALLOCATE,
    /** Create and delete spaces, subnets, ranges and child prefixes (NetOps). */
    MANAGE_IPAM,
    /** Create, list and revoke API tokens. */
    MANAGE_TOKENS,
    /** Create, list and delete webhook subscriptions. */
    MANAGE_WEBHOOKS,
    /** Report a host's inventory and the ARP observations of its segment (host agents). */
    REPORT,
    /** Scrape {@code /metrics} (every role: monitoring needs no IPAM rights; see metrics.public). */
    READ_METRICS,
    /** Create, change and delete local users. */
    MANAGE_USERS,
    /** Create, list and delete grants (which spaces, ranges and owners an engineer or service acts in). */
    MANAGE_GRANTS,
    /** See who one is, log out, change one's own password, manage one's own tokens (every role). */
    SELF
}
