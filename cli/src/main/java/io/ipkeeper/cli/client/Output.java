package io.ipkeeper.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.cli.config.Settings.OutputFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints API answers: aligned tables for people, or the API's JSON unchanged (pretty-printed) for scripts. Notes for
 * people (such as "more results") go to stderr so stdout stays parseable.
 */
final class Output {
    private final OutputFormat format;
    private final PrintWriter out;
    private final PrintWriter err;

    Output(OutputFormat format, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    boolean json() {
        return format == OutputFormat.JSON;
    }

    /** A list page {@code {count, next, results}}. */
    void page(JsonNode page, List<Column> columns) {
        if (json()) {
            printJson(page);
            return;
        }
        rows(page.path("results"), columns);
        long shown = page.path("results").size();
        long count = page.path("count").asLong(shown);
        if (!page.path("next").isNull() && !page.path("next").isMissingNode()) {
            err.println("(" + shown + " of " + count + " shown; use --offset and --limit for more)");
            err.flush();
        }
    }

    /** An array of objects, e.g. the allocations of one request. */
    void rows(JsonNode array, List<Column> columns) {
        if (json()) {
            printJson(array);
            return;
        }
        Table t = new Table(columns.stream().map(Column::header).toList());
        for (JsonNode row : array) {
            t.row(columns.stream().map(c -> c.valueIn(row)).toList());
        }
        t.print(out);
    }

    /** One object as a one-row table with these columns, or its JSON (e.g. what a create returned). */
    void row(JsonNode object, List<Column> columns) {
        rows(json() ? object : ApiClient.JSON.createArrayNode().add(object), columns);
    }

    /** One object: a two-column FIELD/VALUE table (nested objects as {@code a.b}), or its JSON. */
    void object(JsonNode object) {
        if (json()) {
            printJson(object);
            return;
        }
        Table t = new Table(List.of("FIELD", "VALUE"));
        flatten("", object, t);
        t.print(out);
    }

    /** A document printed as it came (e.g. YAML for a config file), in either format. */
    void text(String document) {
        out.print(document);
        out.flush();
    }

    /** A confirmation for people; scripts get nothing on stdout (the exit code says it worked). */
    void message(String text) {
        if (!json()) {
            out.println(text);
            out.flush();
        }
    }

    /** A note for people on stderr, in either format (e.g. "this secret is shown once"). */
    void note(String text) {
        err.println(text);
        err.flush();
    }

    private static void flatten(String prefix, JsonNode node, Table t) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        fields.forEachRemaining(list::add);
        for (Map.Entry<String, JsonNode> f : list) {
            String name = prefix + f.getKey();
            if (f.getValue().isObject()) {
                flatten(name + ".", f.getValue(), t);
            } else {
                t.row(List.of(name, Table.cell(f.getValue())));
            }
        }
    }

    private void printJson(JsonNode node) {
        try {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
