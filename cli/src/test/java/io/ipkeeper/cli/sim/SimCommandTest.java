package io.ipkeeper.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.cli.IpkeeperCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = IpkeeperCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void listShowsEveryScenario() {
        Result r = run("sim", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("steady", "crash", "partition", "storm", "slow-node", "bootstrap");
    }

    @Test
    void runWritesTheReportFilesAndTheSameSummaryTwice(@TempDir Path dir) throws Exception {
        Result r = run("sim", "run", "crash", "--nodes", "20", "--seed", "5", "--duration", "60s", "--out",
                dir.resolve("a").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("60s of 60s simulated");
        assertThat(r.out()).contains("\"scenario\": \"crash\"", "\"nodes\": 20", "\"seed\": 5");
        for (String f : new String[] {"summary.json", "run.json", "timeseries.csv", "chart.svg"}) {
            assertThat(dir.resolve("a").resolve(f)).isNotEmptyFile();
        }
        run("sim", "run", "crash", "--nodes", "20", "--seed", "5", "--duration", "1m", "--out",
                dir.resolve("b").toString());
        assertThat(Files.readString(dir.resolve("b/summary.json")))
                .isEqualTo(Files.readString(dir.resolve("a/summary.json")));
    }

    @Test
    void compareLegacyRunsBothAndDrawsThemInOneChart(@TempDir Path dir) throws Exception {
        Result r = run("sim", "run", "storm", "--nodes", "20", "--seed", "0", "--duration", "60s",
                "--compare-legacy", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"legacy\": false");
        assertThat(Files.readString(dir.resolve("legacy/summary.json"))).contains("\"legacy\": true");
        assertThat(Files.readString(dir.resolve("compare.svg"))).contains("<svg", "legacy (2014) removal");
    }

    @Test
    void seedsRunOncePerSeedAndAggregate(@TempDir Path dir) throws Exception {
        Result r = run("sim", "run", "crash", "--nodes", "20", "--seeds", "3..5", "--duration", "60s", "--out",
                dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (int seed = 3; seed <= 5; seed++) {
            assertThat(Files.readString(dir.resolve("seed-" + seed + "/summary.json"))).contains("\"seed\": " + seed);
        }
        String aggregate = Files.readString(dir.resolve("aggregate.json"));
        assertThat(aggregate).contains("\"seed\": [3, 4, 5]", "\"falsePositives\": {", "\"median\": ");
        assertThat(r.out()).isEqualTo(aggregate);
    }

    @Test
    void badSeedsAreUsageErrorsAndRunNothing(@TempDir Path dir) {
        Result r = run("sim", "run", "crash", "--seeds", "5..1", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("must look like 1..5");
        assertThat(run("sim", "run", "crash", "--seeds", "3", "--compare-legacy", "--out", dir.toString()).exit())
                .isEqualTo(2);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void unknownScenarioAndBadDurationAreUsageErrors(@TempDir Path dir) {
        assertThat(run("sim", "run", "nope", "--out", dir.toString()).exit()).isEqualTo(2);
        assertThat(run("sim", "run", "steady", "--duration", "ten", "--out", dir.toString()).exit()).isEqualTo(2);
    }
}
