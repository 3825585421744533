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
    ENGINEER(EnumSet.of(Permission.READ, Permission.ALLOCATE, Permission.READ_METRICS)),
    /** A machine (BOSH, Terraform) that allocates and releases addresses. */
    SERVICE(EnumSet.of(Permission.READ, Permission.ALLOCATE, Permission.READ_METRICS)),
    /** A host agent: reports its inventory and observations, and nothing else (plus /metrics). */
    AGENT(EnumSet.of(Permission.REPORT, Permission.READ_METRICS)),
    /** Read only. */
    VIEWER(EnumSet.of(Permission.READ, Permission.READ_METRICS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
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
