package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes every registered route, and every schema reference in it resolves. */
class OpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryReferenceResolves() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2, "openapi"); IpkeeperServer server = Api.start(db, 2)) {
            Api.Res res = Api.anonymous(server).get("/api/v1/openapi.json");
            JsonNode doc = res.ok(200);
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            assertThat(server.routes()).hasSizeGreaterThan(20);
            for (RouteDoc r : server.routes()) {
                JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
                assertThat(op.isMissingNode()).as("%s is undocumented", r).isFalse();
                assertThat(op.path("summary").asText()).as("summary of %s", r).isNotBlank();
                assertThat(op.path("responses").has(String.valueOf(r.successStatus()))).as(r.toString()).isTrue();
            }
            List<String> refs = new ArrayList<>();
            collectRefs(doc, refs);
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                String name = ref.substring("#/components/schemas/".length());
                assertThat(doc.path("components").path("schemas").has(name)).as("schema %s", name).isTrue();
            }
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
