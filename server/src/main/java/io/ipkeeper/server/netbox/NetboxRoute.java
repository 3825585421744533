package io.ipkeeper.server.netbox;

import io.ipkeeper.server.auth.Permission;

/** One route of the NetBox adapter and the permission it needs (null: open), for the role tests and the docs. */
public record NetboxRoute(String method, String path, Permission permission) {
    @Override
    public String toString() {
        return method + " " + path;
    }
}
