package io.ipkeeper.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One column of a human table: its header and the JSON field it shows ({@code a.b} for nested fields).
 */
record Column(String header, String field) {

    static Column of(String header, String field) {
        return new Column(header, field);
    }

    String valueIn(JsonNode row) {
        JsonNode n = row;
        for (String part : field.split("\\.")) {
            n = n.path(part);
        }
        return Table.cell(n);
    }
}
