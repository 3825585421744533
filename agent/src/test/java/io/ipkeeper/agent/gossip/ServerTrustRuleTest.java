package io.ipkeeper.agent.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTrustRuleTest {

    @Test
    void httpsIsTrustedOnlyWithAPrivateCa() {
        URI https = URI.create("https://ipam.example:8443");
        assertThat(new ServerTrustRule(true, List.of()).refusal(https)).isEmpty();
        assertThat(new ServerTrustRule(false, List.of()).refusal(https)).get().asString().contains("--ca-file");
    }

    @Test
    void plainHttpIsTrustedOnlyWhenAllowedAndTheMatchIgnoresCaseAndATrailingSlash() {
        URI http = URI.create("http://198.18.0.1:8080");
        assertThat(new ServerTrustRule(true, List.of()).refusal(http)).get().asString().contains("plain http");
        assertThat(new ServerTrustRule(false, List.of(URI.create("HTTP://198.18.0.1:8080/"))).refusal(http)).isEmpty();
        assertThat(new ServerTrustRule(false, List.of(URI.create("http://198.18.0.1:8081"))).refusal(http)).isPresent();
        assertThat(new ServerTrustRule(false, List.of(URI.create("https://198.18.0.1:8080"))).refusal(http)).isPresent();
    }
}
