package io.ipkeeper.server.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The fixed roles of issue 7. Each is a set of {@link Permission}s. */
public enum Role {
    /** NetOps: defines spaces, subnets and ranges, manages tokens; may also do everything an engineer does. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /** A person who allocates and releases addresses. */
    ENGINEER(EnumSet.of(Permission.READ, Permission.ALLOCATE, Permission.READ_METRICS, Permission.SELF)),
    /** A machine (BOSH, Terraform) that allocates and releases addresses. */
    SERVICE(EnumSet.of(Permission.READ, Permission.ALLOCATE, Permission.READ_METRICS, Permission.SELF)),
    /** A host agent: reports its inventory and observations, and nothing else (plus /metrics). */
    AGENT(EnumSet.of(Permission.REPORT, Permission.READ_METRICS, Permission.SELF)),
    /** Read only. */
    VIEWER(EnumSet.of(Permission.READ, Permission.READ_METRICS, Permission.SELF));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    /** Whether this role may do everything {@code other} may (a user may give their own tokens such roles). */
    public boolean covers(Role other) {
        return permissions.containsAll(other.permissions);
    }

    /**
     * Engineer and service act only inside their grants (spaces, ranges, owners); admin is not narrowed, and the
     * other roles may not change allocations at all.
     */
    public boolean narrowedByGrants() {
        return this == ENGINEER || this == SERVICE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofLabel(String s) {
        return Arrays.stream(values()).filter(r -> r.label().equals(s)).findFirst();
    }

    /** For messages: {@code admin, engineer, ...}. */
    public static String labels() {
        return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
    }
}
