package io.ipkeeper.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar ipkeeper.jar …}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage or invalid input). */
    public static int run(String... args) {
        return IpkeeperCommand.commandLine().execute(args);
    }
}
