package io.ipkeeper.cli.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.cli.IpkeeperCommand;
import io.ipkeeper.testkit.peers.GoPeer;
import io.ipkeeper.testkit.peers.SerfAgent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ipkeeper members} against real Go memberlist peers and Serf agents. */
@Tag("interop")
class MembersCommandTest {
    private static final Duration TIMEOUT = GoPeer.DEFAULT_TIMEOUT;
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";

    private record Run(int exit, String out, String err) {}

    private static Run members(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = IpkeeperCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "members";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cl.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listsAnEncryptedGoClusterAsJsonAndLeavesIt() throws Exception {
        try (GoPeer a = GoPeer.builder("go-a").key(KEY).start();
                GoPeer b = GoPeer.builder("go-b").key(KEY).join(a).start()) {
            a.awaitAlive(List.of("go-a", "go-b"), TIMEOUT);
            Run run = members("--join", a.address(), "--key", KEY, "--json");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.path("members").findValuesAsText("name")).containsExactly("go-a", "go-b");
            assertThat(json.path("members").findValuesAsText("status")).containsOnly("alive");
            assertThat(json.path("members").get(1).path("addr").asText()).isEqualTo(b.address());
            // Our short visit ends as a graceful leave, not a failure.
            JsonNode leave = a.awaitEvent("leave", e -> e.path("node").asText().startsWith("ipkeeper-members-"), TIMEOUT);
            assertThat(leave.path("state").asText()).isEqualTo("left");
        }
    }

    @Test
    void withoutTheKeyTheJoinFailsWithOneLine() {
        try (GoPeer a = GoPeer.builder("go-a").key(KEY).start()) {
            Run run = members("--join", a.address());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("ipkeeper members: cannot join " + a.address()).doesNotContain("\n");
        }
    }

    @Test
    void listsASerfClusterWithTagsAsATable() {
        try (SerfAgent serf1 = SerfAgent.builder("serf-1").tag("role", "web").start();
                SerfAgent serf2 = SerfAgent.builder("serf-2").tag("role", "db").start()) {
            serf2.join(serf1.address());
            serf1.awaitMember("serf-2", SerfAgent.Member::alive, TIMEOUT);
            Run run = members("--join", serf1.address(), "--serf");
            assertThat(run.exit()).as(run.err()).isZero();
            List<String> lines = run.out().lines().toList();
            assertThat(lines.getFirst()).startsWith("NAME").contains("ADDRESS", "STATUS", "TAGS");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("serf-1").contains(serf1.address(), "alive",
                    "role=web"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("serf-2").contains("alive", "role=db"));
            String visitor = serf1.members().stream().map(SerfAgent.Member::name)
                    .filter(n -> n.startsWith("ipkeeper-members-")).findFirst().orElseThrow();
            serf1.awaitMemberStatus(visitor, "left", TIMEOUT);
        }
    }

    @Test
    void badFlagsExitWithUsage() {
        Run run = members("--join", "nohost");
        assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err().strip()).isEqualTo("ipkeeper members: --join \"nohost\": want host:port");
    }
}
