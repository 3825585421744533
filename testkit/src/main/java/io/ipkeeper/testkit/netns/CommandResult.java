package io.ipkeeper.testkit.netns;

import java.util.List;

/** How a command ended: exit code and its whole output. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result if the command succeeded; otherwise an IllegalStateException with the command and its output. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException(this.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " → exit " + exitCode
                + (stdout.isBlank() ? "" : "\nstdout: " + stdout.strip())
                + (stderr.isBlank() ? "" : "\nstderr: " + stderr.strip());
    }
}
