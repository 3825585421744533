package io.ipkeeper.cli.client;

import java.util.List;

/** The table columns of each resource, in one place so list, create and allocate show the same ones. */
final class Columns {
    private Columns() {}

    static final List<Column> SPACE = List.of(Column.of("ID", "id"), Column.of("NAME", "name"),
            Column.of("DESCRIPTION", "description"));

    static final List<Column> SUBNET = List.of(Column.of("ID", "id"), Column.of("SPACE", "space"),
            Column.of("PREFIX", "prefix"), Column.of("CONTAINER", "container"), Column.of("GATEWAY", "gateway"),
            Column.of("VLAN", "vlan"), Column.of("DESCRIPTION", "description"));

    static final List<Column> RANGE = List.of(Column.of("ID", "id"), Column.of("SUBNET", "subnet"),
            Column.of("START", "start"), Column.of("END", "end"), Column.of("SIZE", "size"),
            Column.of("PURPOSE", "purpose"), Column.of("OWNER", "owner"), Column.of("DESCRIPTION", "description"));

    static final List<Column> ALLOCATION = List.of(Column.of("ID", "id"), Column.of("ADDRESS", "address"),
            Column.of("STATE", "state"), Column.of("HOSTNAME", "hostname"), Column.of("MAC", "mac"),
            Column.of("OWNER", "owner"), Column.of("SUBNET", "subnet"), Column.of("EXPIRES", "expiresAt"));

    static final List<Column> TOKEN = List.of(Column.of("ID", "id"), Column.of("NAME", "name"),
            Column.of("ROLE", "role"), Column.of("HINT", "hint"), Column.of("EXPIRES", "expiresAt"),
            Column.of("REVOKED", "revokedAt"));
}
