package io.ipkeeper.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipProfilesTest {
    @Test
    void everyNamedPresetBuildsAndAnUnknownNameIsRefused() {
        for (String name : GossipProfiles.NAMES) {
            assertThat(GossipProfiles.preset(name).name("n").build()).isNotNull();
        }
        assertThat(GossipProfiles.preset("local").name("n").build().probeTimeout())
                .isLessThan(GossipProfiles.preset("lan").name("n").build().probeTimeout());
        assertThatThrownBy(() -> GossipProfiles.preset("LAN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lan, wan or local");
    }

    @Test
    void aWildcardOrUnresolvedBindIsRefusedBecauseItIsAlsoAdvertised() {
        assertThat(GossipProfiles.requireAdvertisable(new InetSocketAddress("127.0.0.1", 7946))).isNotNull();
        assertThatThrownBy(() -> GossipProfiles.requireAdvertisable(new InetSocketAddress("0.0.0.0", 7946)))
                .hasMessageContaining("gossip.bind");
        assertThatThrownBy(() -> GossipProfiles.requireAdvertisable(InetSocketAddress.createUnresolved("x", 1)))
                .hasMessageContaining("gossip.bind");
    }

    @Test
    void onlyAesKeySizesPass() {
        assertThat(GossipProfiles.requireKeys(List.of(new byte[16], new byte[24], new byte[32]))).hasSize(3);
        assertThatThrownBy(() -> GossipProfiles.requireKeys(List.of(new byte[15])))
                .hasMessageContaining("16, 24 or 32 bytes, not 15");
    }
}
