package io.ipkeeper.cli.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code ipkeeper logout}: deletes the credentials file. The token stays valid on the server (revoke it there). */
@Command(name = "logout", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Forget the stored server and token (deletes the credentials file).",
                "The token itself stays valid; 'ipkeeper token revoke ID' ends it."})
public final class LogoutCommand extends ClientCommand {

    @Override
    protected int execute() {
        Path file = credentialsFile();
        try {
            boolean deleted = Files.deleteIfExists(file);
            output().message(deleted ? "Logged out; deleted " + file : "Not logged in (no " + file + ")");
        } catch (IOException e) {
            throw new ClientException(ExitCodes.UNEXPECTED, "cannot delete " + file + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
