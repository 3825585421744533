package io.ipkeeper.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.cli.ConfiguredCommand;
import io.ipkeeper.cli.IpkeeperCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code ipkeeper …} in-process against a given environment (never the test process's), capturing the output. */
public final class Cli {
    private Cli() {}

    public record Result(int exitCode, String out, String err) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(Map<String, String> env, String... args) {
        CommandLine cl = IpkeeperCommand.commandLine();
        useEnvironment(cl, env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void useEnvironment(CommandLine cl, Map<String, String> env) {
        if (cl.getCommand() instanceof ConfiguredCommand c) {
            c.environment(env);
        }
        cl.getSubcommands().values().forEach(sub -> useEnvironment(sub, env));
    }
}
