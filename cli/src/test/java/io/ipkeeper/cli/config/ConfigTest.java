package io.ipkeeper.cli.config;

import static io.ipkeeper.cli.config.Settings.DATABASE_URL;
import static io.ipkeeper.cli.config.Settings.LOG_FORMAT;
import static io.ipkeeper.cli.config.Settings.SERVER_BIND;
import static io.ipkeeper.cli.config.Settings.SERVER_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    private static final List<Setting<?>> SERVER = List.of(SERVER_BIND, SERVER_PORT, DATABASE_URL, LOG_FORMAT);

    private static ConfigFile file(String toml) {
        return ConfigFile.parse(Path.of("test.toml"), toml, Settings.ALL);
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Config c = Config.resolve(SERVER, Map.of(), Map.of(), ConfigFile.none());
        assertThat(c.get(SERVER_PORT)).isEqualTo(8080);
        assertThat(c.get(SERVER_BIND)).isEqualTo("127.0.0.1");
        assertThat(c.find(DATABASE_URL)).isEmpty();
        assertThat(c.sourceOf(SERVER_PORT).description()).isEqualTo("default");
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() {
        ConfigFile f = file("[server]\nport = 7000\nbind = \"0.0.0.0\"\n[log]\nformat = \"json\"\n");
        Map<String, String> env = Map.of("IPKEEPER_SERVER_PORT", "7001", "IPKEEPER_SERVER_BIND", "::1");
        Map<String, String> flags = Map.of("server.port", "7002");

        Config c = Config.resolve(SERVER, flags, env, f);
        assertThat(c.get(SERVER_PORT)).isEqualTo(7002);
        assertThat(c.sourceOf(SERVER_PORT).description()).isEqualTo("flag --port");
        assertThat(c.get(SERVER_BIND)).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(c.sourceOf(SERVER_BIND).description()).isEqualTo("environment variable IPKEEPER_SERVER_BIND");
        assertThat(c.get(LOG_FORMAT)).isEqualTo(Settings.LogFormat.JSON);
        assertThat(c.sourceOf(LOG_FORMAT).description()).contains("config file test.toml [log] format");

        Config withoutFlag = Config.resolve(SERVER, Map.of(), env, f);
        assertThat(withoutFlag.get(SERVER_PORT)).isEqualTo(7001);
        Config fileOnly = Config.resolve(SERVER, Map.of(), Map.of(), f);
        assertThat(fileOnly.get(SERVER_PORT)).isEqualTo(7000);
    }

    @Test
    void everyInvalidValueIsReportedWithItsSettingAndSource() {
        assertThatThrownBy(() -> Config.resolve(SERVER,
                        Map.of("server.port", "80800"),
                        Map.of("IPKEEPER_SERVER_BIND", "my-host", "IPKEEPER_LOG_FORMAT", "xml"),
                        file("[database]\nurl = \"mysql://x\"\n")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "server.bind = 'my-host' (from environment variable IPKEEPER_SERVER_BIND): expected an IP address such as 127.0.0.1, 0.0.0.0 or ::1",
                        "server.port = '80800' (from flag --port): must be from 0 to 65535",
                        "database.url = 'mysql://x' (from config file test.toml [database] url): expected a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/ipkeeper?user=ipkeeper (or leave it unset for the embedded H2 database)",
                        "log.format = 'xml' (from environment variable IPKEEPER_LOG_FORMAT): expected one of text, json"));
    }

    @Test
    void agentInterfacesComeAsATomlArrayAnEnvListOrRepeatedFlagsAndDurationsAreChecked() {
        List<Setting<?>> agent = List.of(Settings.AGENT_INTERFACES, Settings.AGENT_REPORT_INTERVAL, Settings.AGENT_LISTEN);
        Config fromFile = Config.resolve(agent, Map.of(), Map.of(),
                file("[agent]\ninterfaces = [\"eth0\", \"eth1\"]\nreport-interval = \"1m30s\"\n"));
        assertThat(fromFile.get(Settings.AGENT_INTERFACES)).containsExactly("eth0", "eth1");
        assertThat(fromFile.get(Settings.AGENT_REPORT_INTERVAL)).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(fromFile.get(Settings.AGENT_LISTEN).getPort()).isEqualTo(9180);
        Config fromEnv = Config.resolve(agent, Map.of(), Map.of("IPKEEPER_AGENT_INTERFACES", "bond0, eth2"), ConfigFile.none());
        assertThat(fromEnv.get(Settings.AGENT_INTERFACES)).containsExactly("bond0", "eth2");
        assertThatThrownBy(() -> Config.resolve(agent, Map.of("agent.interfaces", "eth0,eth0",
                "agent.report-interval", "2h", "agent.listen", "nowhere"), Map.of(), ConfigFile.none()))
                .hasMessageContaining("'eth0' is given twice").hasMessageContaining("from 1s to 1h")
                .hasMessageContaining("host:port");
    }

    @Test
    void aPoolOfOneConnectionIsRefusedBecauseMigrationsNeedTwo() {
        assertThatThrownBy(() -> Config.resolve(List.of(Settings.DATABASE_POOL_SIZE), Map.of("database.pool-size", "1"),
                Map.of(), ConfigFile.none())).hasMessageContaining("database.pool-size").hasMessageContaining("2");
    }

    @Test
    void nonNumbersAreRejectedClearly() {
        assertThatThrownBy(() -> Config.resolve(SERVER, Map.of("server.port", "eighty"), Map.of(), ConfigFile.none()))
                .hasMessage("invalid configuration: server.port = 'eighty' (from flag --port): expected a whole number from 0 to 65535");
    }

    @Test
    void unknownFileKeysAreErrorsWithASuggestion() {
        assertThatThrownBy(() -> file("[server]\nprot = 1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration: unknown setting 'server.prot' in config file test.toml (did you mean 'server.port'?)");
        assertThatThrownBy(() -> file("colour = \"blue\"\n"))
                .hasMessage("invalid configuration: unknown setting 'colour' in config file test.toml");
    }

    @Test
    void aTableWhereAValueBelongsIsAnError() {
        assertThatThrownBy(() -> Config.resolve(SERVER, Map.of(), Map.of(), file("[server]\nport = [1, 2]\n")))
                .hasMessageContaining("server.port (config file test.toml [server] port): expected a single value, got a list");
    }

    @Test
    void brokenTomlAndMissingFilesSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[server\nport = 1\n");
        assertThatThrownBy(() -> ConfigFile.read(bad, Settings.ALL))
                .hasMessageStartingWith("invalid configuration: config file " + bad + " is not valid TOML")
                .hasMessageContaining("line 1");
        Path missing = dir.resolve("missing.toml");
        assertThatThrownBy(() -> ConfigFile.read(missing, Settings.ALL))
                .hasMessage("invalid configuration: config file " + missing + " does not exist");
    }

    @Test
    void environmentNamesFollowTheKey() {
        assertThat(Settings.SERVER_DATA_DIR.envName()).isEqualTo("IPKEEPER_SERVER_DATA_DIR");
        assertThat(Settings.DATABASE_POOL_SIZE.envName()).isEqualTo("IPKEEPER_DATABASE_POOL_SIZE");
        assertThat(Settings.SERVER_DATA_DIR.fileName()).isEqualTo("[server] data-dir");
    }

    @Test
    void everySettingHasAUniqueKeyFlagAndEnvironmentName() {
        assertThat(Settings.ALL.stream().map(Setting::key)).doesNotHaveDuplicates();
        assertThat(Settings.ALL.stream().map(Setting::flag)).doesNotHaveDuplicates();
        assertThat(Settings.ALL.stream().map(Setting::envName)).doesNotHaveDuplicates();
        for (Setting<?> s : Settings.ALL) {
            if (s.defaultValue() != null) {
                // A default must pass its own parser, or a user copying it into a file would get an error.
                assertThat(s.parser().apply(Setting.display(s.defaultValue()))).as(s.key()).isEqualTo(s.defaultValue());
            }
        }
    }

    @Test
    void durationsAreShortOrIsoAndBounded() {
        var p = Parsers.duration(java.time.Duration.ofSeconds(1), java.time.Duration.ofHours(1));
        assertThat(p.apply("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(p.apply("15m")).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(p.apply("1h")).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(p.apply("PT30M")).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThatThrownBy(() -> p.apply("soon")).hasMessageContaining("90s");
        assertThatThrownBy(() -> p.apply("2h")).hasMessageContaining("must be from");
        assertThatThrownBy(() -> p.apply("0s")).hasMessageContaining("must be from");
    }

    @Test
    void gossipSettingsParseFromFileAndEnvironmentAndBadValuesAreNamed() {
        ConfigFile f = file("[gossip]\nbind = \"198.18.0.1:7946\"\njoin = [\"198.18.0.2:7946\", \"198.18.0.3:7947\"]\n");
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Config c = Config.resolve(List.of(Settings.GOSSIP_BIND, Settings.GOSSIP_JOIN, Settings.GOSSIP_KEYS,
                Settings.GOSSIP_PROFILE), Map.of(), Map.of("IPKEEPER_GOSSIP_KEYS", key), f);
        assertThat(c.get(Settings.GOSSIP_BIND)).isEqualTo(new java.net.InetSocketAddress("198.18.0.1", 7946));
        assertThat(c.get(Settings.GOSSIP_JOIN)).containsExactly(new java.net.InetSocketAddress("198.18.0.2", 7946),
                new java.net.InetSocketAddress("198.18.0.3", 7947));
        assertThat(c.get(Settings.GOSSIP_KEYS)).hasSize(1).first().satisfies(k -> assertThat(k).hasSize(32));
        assertThat(c.get(Settings.GOSSIP_PROFILE)).isEqualTo("lan");

        assertThatThrownBy(() -> Parsers.base64Keys().apply(java.util.Base64.getEncoder().encodeToString(new byte[10])))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> Parsers.base64Keys().apply("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> Parsers.hostPorts().apply("198.18.0.2")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Parsers.choice("lan", "wan", "local").apply("fast")).hasMessageContaining("lan, wan, local");
        assertThatThrownBy(() -> Parsers.httpUrls().apply("ftp://x")).hasMessageContaining("http or https");
    }

    @Test
    void gossipAntiEntropyDefaultsToMemberlistAndAcceptsDigestFromFileOrFlag() {
        Config defaults = Config.resolve(List.of(Settings.GOSSIP_ANTI_ENTROPY), Map.of(), Map.of(), file(""));
        assertThat(defaults.get(Settings.GOSSIP_ANTI_ENTROPY)).isEqualTo(io.ipkeeper.gossip.AntiEntropy.MEMBERLIST);
        Config fromFile = Config.resolve(List.of(Settings.GOSSIP_ANTI_ENTROPY), Map.of(), Map.of(),
                file("[gossip]\nanti-entropy = \"digest\"\n"));
        assertThat(fromFile.get(Settings.GOSSIP_ANTI_ENTROPY)).isEqualTo(io.ipkeeper.gossip.AntiEntropy.DIGEST);
        assertThatThrownBy(() -> Config.resolve(List.of(Settings.GOSSIP_ANTI_ENTROPY), Map.of(), Map.of(),
                file("[gossip]\nanti-entropy = \"fast\"\n"))).hasMessageContaining("gossip.anti-entropy")
                .hasMessageContaining("memberlist, digest");
    }
}
