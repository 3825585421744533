package io.ipkeeper.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConflictBroadcastTest {

    private static ConflictBroadcast parse(String json) {
        return ConflictBroadcast.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidPayloadIsNormalizedAndDeduplicated() {
        ConflictBroadcast c = parse("{\"agent\":\"web-17\",\"address\":\"198.18.0.10\",\"macs\":[\"02-00-5E-10-00-0A\","
                + "\"02:00:5e:10:00:0b\",\"02:00:5e:10:00:0a\"],\"interface\":\"eth0\",\"future\":1}");
        assertThat(c.agent()).isEqualTo("web-17");
        assertThat(c.address().toString()).isEqualTo("198.18.0.10");
        assertThat(c.macs()).containsExactly("02:00:5e:10:00:0a", "02:00:5e:10:00:0b");
        assertThat(c.interfaceName()).isEqualTo("eth0");
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("object");
        assertThatThrownBy(() -> parse("{\"address\":\"198.18.0.10\",\"macs\":[\"02:00:5e:10:00:0a\"]}"))
                .hasMessageContaining("'agent'");
        assertThatThrownBy(() -> parse("{\"agent\":\"a\",\"address\":\"198.18.0.300\",\"macs\":[\"02:00:5e:10:00:0a\"]}"))
                .hasMessageContaining("'address'");
        assertThatThrownBy(() -> parse("{\"agent\":\"a\",\"address\":\"198.18.0.1\",\"macs\":[]}"))
                .hasMessageContaining("'macs'");
        assertThatThrownBy(() -> parse("{\"agent\":\"a\",\"address\":\"198.18.0.1\",\"macs\":[\"ff:ff:ff:ff:ff:ff\"]}"))
                .hasMessageContaining("not a host's MAC");
        String nine = "\"02:00:5e:10:00:01\",".repeat(9);
        assertThatThrownBy(() -> parse("{\"agent\":\"a\",\"address\":\"198.18.0.1\",\"macs\":[" + nine.substring(0,
                nine.length() - 1) + "]}")).hasMessageContaining("1..8");
    }
}
