package io.ipkeeper.agent.internal.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.agent.inventory.InventoryFormatException;
import org.junit.jupiter.api.Test;

class IfInet6ParserTest {

    @Test
    void parsesAddressesAndPrefixesByInterface() throws Exception {
        var parsed = IfInet6Parser.parse("""
                00000000000000000000000000000001 01 80 10 80       lo
                fe80000000000000505400fffe123456 02 40 20 80     eth0
                20010db8000000020000000000000010 05 30 00 c8      br0
                """);
        assertThat(parsed).containsOnlyKeys("lo", "eth0", "br0");
        assertThat(parsed.get("lo")).singleElement().hasToString("0:0:0:0:0:0:0:1/128");
        assertThat(parsed.get("br0")).singleElement().hasToString("2001:db8:0:2:0:0:0:10/48");
        assertThat(IfInet6Parser.parse("")).isEmpty();
    }

    @Test
    void refusesMalformedLinesWithTheirNumber() {
        assertThatThrownBy(() -> IfInet6Parser.parse("00000000000000000000000000000001 01 80 10 80 lo\nfe80 02 40 20 80 eth0\n"))
                .isInstanceOf(InventoryFormatException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> IfInet6Parser.parse("00000000000000000000000000000001 01 ff 10 80 lo\n"))
                .isInstanceOf(InventoryFormatException.class).hasMessageContaining("exceeds 128");
    }
}
