package io.ipkeeper.server.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The hand-written YAML reads back through SnakeYAML (a real parser) as exactly what was written. */
class YamlTest {
    private static Object parse(String text) {
        return new Yaml(new LoaderOptions()).load(text);
    }

    @Test
    void writesACloudConfigShapedDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("range", "198.18.0.0/24");
        doc.put("dns", List.of());
        doc.put("reserved", List.of("198.18.0.1 - 198.18.0.9", "198.18.0.200"));
        doc.put("cloud_properties", Map.of());
        doc.put("nested", Map.of("name", "no"));
        String text = io.ipkeeper.server.bosh.Yaml.write(List.of("a comment: with colon"), doc);
        assertThat(text).startsWith("# a comment: with colon\nrange: \"198.18.0.0/24\"\ndns: []\n");
        assertThat(parse(text)).isEqualTo(doc);
    }

    @Property(tries = 300)
    void anyStringSurvivesTheRoundTrip(@ForAll String value) {
        String text = io.ipkeeper.server.bosh.Yaml.write(List.of(), Map.of("key", value, "list", List.of(value)));
        assertThat(parse(text)).isEqualTo(Map.of("key", value, "list", List.of(value)));
    }
}
