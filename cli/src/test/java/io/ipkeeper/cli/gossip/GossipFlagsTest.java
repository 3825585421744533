package io.ipkeeper.cli.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.cli.IpkeeperCommand;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ipkeeper gossip}'s flags: the Go peer's names (one or two dashes), defaults and validation. */
class GossipFlagsTest {

    private static GossipCommand parse(String... args) {
        GossipCommand cmd = new GossipCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    private static PeerSettings settings(String... args) {
        GossipCommand c = parse(args);
        return PeerSettings.of(c.name, c.bind, c.port, c.join, c.profile, c.serf, c.tags, c.meta, c.key, c.noCompress,
                c.run, c.membersEvery, c.exitOnEof);
    }

    @Test
    void defaultsAreTheGoPeers() {
        PeerSettings s = settings();
        assertThat(s.name()).isEqualTo("peer-7950");
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(7950);
        assertThat(s.profile()).isEqualTo("local");
        assertThat(s.serf()).isFalse();
        assertThat(s.meta()).isEmpty();
        assertThat(s.key()).isNull();
        assertThat(s.compress()).isTrue();
        assertThat(s.run()).isEqualTo(Duration.ZERO);
        assertThat(s.membersEvery()).isEqualTo(Duration.ofSeconds(5));
        GossipConfig config = s.config();
        assertThat(config.vsn()).containsExactly(1, 5, 2, 0, 0, 0);
        assertThat(config.probeTimeout()).isEqualTo(GossipConfig.local().name("x").build().probeTimeout());
    }

    @Test
    void singleAndDoubleDashAndEqualsFormsAllWork() {
        PeerSettings single = settings("-name", "a", "-port", "7001", "-join", "127.0.0.1:7000,127.0.0.1:7002",
                "-serf", "-tags", "role=java,dc=1", "-key", "AAECAwQFBgcICQoLDA0ODw==", "-no-compress",
                "-run", "1m30s", "-members-every", "250ms", "-profile", "wan", "-exit-on-eof");
        PeerSettings dbl = settings("--name=a", "--port=7001", "--join=127.0.0.1:7000,127.0.0.1:7002", "--serf=true",
                "--tags=role=java,dc=1", "--key=AAECAwQFBgcICQoLDA0ODw==", "--no-compress", "--run=90s",
                "--members-every=0.25s", "--profile=wan", "--exit-on-eof");
        for (PeerSettings s : new PeerSettings[] {single, dbl}) {
            assertThat(s.name()).isEqualTo("a");
            assertThat(s.seeds()).containsExactly("127.0.0.1:7000", "127.0.0.1:7002");
            assertThat(s.serf()).isTrue();
            assertThat(SerfTags.decode(s.meta())).isEqualTo(Map.of("role", "java", "dc", "1"));
            assertThat(s.key()).hasSize(16);
            assertThat(s.compress()).isFalse();
            assertThat(s.run()).isEqualTo(Duration.ofSeconds(90));
            assertThat(s.membersEvery()).isEqualTo(Duration.ofMillis(250));
            assertThat(s.exitOnEof()).isTrue();
            assertThat(s.config().vsn()).containsExactly(1, 5, 2, 2, 5, 5);
            assertThat(s.config().probeInterval()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void rawMetaIsUsedOnlyWithoutTags() {
        assertThat(new String(settings("-meta", "hello").meta())).isEqualTo("hello");
        assertThat(SerfTags.isTagMeta(settings("-meta", "hello", "-tags", "a=b").meta())).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-profile|moon|bad -profile \"moon\" (want local|lan|wan)",
            "-tags|novalue|bad tag \"novalue\" (want k=v)",
            "-key|AAEC|bad -key: key size must be 16, 24 or 32 bytes, got 3",
            "-key|!!!|bad -key: key is not valid base64",
            "-join|nohost|-join \"nohost\": want host:port",
            "-run|5 sec|-run: invalid duration",
            "-bind|localhost|-bind localhost: must be an IP address",
            "-port|70000|-port 70000: must be in [0, 65535]"})
    void badFlagsExitWithUsageAndOneLine(String flag, String value, String reason) {
        StringWriter err = new StringWriter();
        CommandLine cl = IpkeeperCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute("gossip", flag, value);
        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString().strip()).startsWith("ipkeeper gossip: " + reason).doesNotContain("\n");
    }

    @Test
    void goDurationsParseLikeGo() {
        assertThat(GoDuration.parse("0")).isZero();
        assertThat(GoDuration.parse("0ms")).isZero();
        assertThat(GoDuration.parse("1h2m3.5s")).isEqualTo(Duration.ofSeconds(3723, 500_000_000));
        assertThat(GoDuration.parse("150us")).isEqualTo(Duration.ofNanos(150_000));
        for (String bad : new String[] {"", "5", "-1s", "1x", "s", "1s2"}) {
            assertThatThrownBy(() -> GoDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void decodeIsStillASubcommand() {
        StringWriter out = new StringWriter();
        CommandLine cl = IpkeeperCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("gossip", "decode", "--hex", "0082a44e6f6465a4676f2d68a55365714e6fcd03ea", "--tcp"))
                .isZero();
        assertThat(out.toString()).contains("go-h");
    }
}
