package io.ipkeeper.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.cli.config.Settings.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Human tables: aligned columns, "-" for missing values, no trailing blanks; JSON output is the API's, unchanged. */
class TableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void columnsAreAlignedToTheWidestCellAndMissingValuesShowAsADash() throws Exception {
        JsonNode rows = JSON.readTree("""
                [{"id": 1, "address": "198.18.0.2", "hostname": "web-1", "dns": ["a", "b"]},
                 {"id": 12, "address": "2001:db8::10", "hostname": null, "dns": []}]""");
        StringWriter out = new StringWriter();
        new Output(OutputFormat.TABLE, new PrintWriter(out), new PrintWriter(new StringWriter()))
                .rows(rows, List.of(Column.of("ID", "id"), Column.of("ADDRESS", "address"),
                        Column.of("HOSTNAME", "hostname"), Column.of("DNS", "dns")));
        assertThat(out.toString().lines().toList()).containsExactly(
                "ID  ADDRESS       HOSTNAME  DNS",
                "1   198.18.0.2    web-1     a,b",
                "12  2001:db8::10  -         -");
    }

    @Test
    void jsonOutputIsTheApiBodyUnchanged() throws Exception {
        JsonNode page = JSON.readTree("{\"count\": 1, \"next\": null, \"results\": [{\"id\": 1, \"extra\": {\"x\": 2}}]}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new Output(OutputFormat.JSON, new PrintWriter(out), new PrintWriter(err)).page(page, List.of(Column.of("ID", "id")));
        assertThat(JSON.readTree(out.toString())).isEqualTo(page);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aPartialPageSaysSoOnStderrNotInTheTable() throws Exception {
        JsonNode page = JSON.readTree("{\"count\": 3, \"next\": \"/api/v1/spaces?offset=1\", \"results\": [{\"id\": 1}]}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new Output(OutputFormat.TABLE, new PrintWriter(out), new PrintWriter(err)).page(page, List.of(Column.of("ID", "id")));
        assertThat(out.toString().lines().toList()).containsExactly("ID", "1");
        assertThat(err.toString()).contains("1 of 3 shown").contains("--offset");
    }
}
