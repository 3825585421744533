package io.ipkeeper.cli.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembersOutputTest {
    private static final List<MemberRow> ROWS = List.of(
            new MemberRow("go-a", "127.0.0.1", 7946, "alive", Map.of("role", "web", "dc", "x"), "ff"),
            new MemberRow("java-long-name", "127.0.0.12", 17946, "left", Map.of(), ""));

    @Test
    void tableAlignsColumnsLikeSerfMembers() {
        assertThat(MembersOutput.table(ROWS, true)).isEqualTo("""
                NAME            ADDRESS           STATUS  TAGS
                go-a            127.0.0.1:7946    alive   dc=x,role=web
                java-long-name  127.0.0.12:17946  left
                """);
        assertThat(MembersOutput.table(ROWS, false)).startsWith("NAME            ADDRESS           STATUS\n");
    }

    @Test
    void jsonListsEveryMember() throws Exception {
        JsonNode json = new ObjectMapper().readTree(MembersOutput.json(ROWS));
        assertThat(json.path("members")).hasSize(2);
        JsonNode first = json.path("members").get(0);
        assertThat(first.path("name").asText()).isEqualTo("go-a");
        assertThat(first.path("addr").asText()).isEqualTo("127.0.0.1:7946");
        assertThat(first.path("status").asText()).isEqualTo("alive");
        assertThat(first.path("tags").path("role").asText()).isEqualTo("web");
    }

    @Test
    void jsonLinesSortKeysAndStampEachLine() throws Exception {
        java.io.StringWriter sw = new java.io.StringWriter();
        JsonLines lines = new JsonLines(new java.io.PrintWriter(sw),
                java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05.123456789Z"), java.time.ZoneOffset.UTC));
        lines.emit("join", Map.of("port", 7946, "node", "a"));
        assertThat(sw.toString()).isEqualTo(
                "{\"event\":\"join\",\"node\":\"a\",\"port\":7946,\"ts\":\"2026-01-02T03:04:05.123456789Z\"}"
                        + System.lineSeparator());
    }
}
