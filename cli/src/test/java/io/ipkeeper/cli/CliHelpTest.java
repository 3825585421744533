package io.ipkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.cli.config.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliHelpTest {

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        CommandLine cl = IpkeeperCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void rootHelpListsTheSubcommands() {
        Result r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: ipkeeper").containsPattern("(?m)^\\s+server\\s+Run the ipkeeper server")
                .containsPattern("(?m)^\\s+gossip\\s+");
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertThat(run().out()).contains("Usage: ipkeeper");
    }

    @Test
    void versionNamesTheReleaseAndJava() {
        Result r = run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("ipkeeper \\d+\\.\\d+\\.\\d+").contains("Java 25");
    }

    @Test
    void serverHelpDocumentsEverySettingWithItsEnvironmentVariable() {
        Result r = run("server", "--help");
        assertThat(r.exitCode()).isZero();
        ServerCommand server = new ServerCommand();
        String flat = r.out().replaceAll("\\s+", " ");
        for (Setting<?> s : server.allSettings()) {
            assertThat(r.out()).contains(s.flag());
            assertThat(flat).contains("env " + s.envName());
        }
        assertThat(r.out()).contains("--config=FILE");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result r = run("server", "--prot", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ipkeeper: Unknown options: '--prot', '1'")
                .contains("Did you mean --port?").contains("Run 'ipkeeper server --help' for usage.")
                .doesNotContain("Usage:");
    }

    @Test
    void anInvalidSettingStopsBeforeStartingAndSaysWhatToFix() {
        Result r = run("server", "--port", "99999");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ipkeeper server: invalid configuration: server.port = '99999' (from flag --port): must be from 0 to 65535")
                .contains("ipkeeper server --help");
    }
}
